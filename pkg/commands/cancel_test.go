package commands_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/promo-cli/promo/pkg/commands"
)

// flipContext is cancelled by its own n-th call to Err, so that a sweep
// over n stops a run at every place it looks at its context, in every
// phase: reading, checking, cross-entry, scoring, ranking, writing.
type flipContext struct {
	context.Context
	cancel context.CancelFunc
	calls  atomic.Int64
	at     int64
}

func newFlipContext(at int64) *flipContext {
	ctx, cancel := context.WithCancel(context.Background())
	return &flipContext{Context: ctx, cancel: cancel, at: at}
}

func (c *flipContext) Err() error {
	if c.calls.Add(1) >= c.at {
		c.cancel()
	}
	return c.Context.Err()
}

// TestCancelEveryPhase counts the looks a run takes at its context, then
// cancels runs at the first looks (reading) and at each of the last ones
// (the phases after reading: cross-entry, scoring, ranking, writing, the
// rename): every cancelled run exits 130 and leaves neither the --out file
// nor a temporary file.
func TestCancelEveryPhase(t *testing.T) {
	in := t.TempDir()
	rules, export := filepath.Join(in, "rules.yaml"), filepath.Join(in, "export")
	writeFile(t, rules, "name: t\ntags: {all_of: [\"#ES\"]}\nrewards: {pool: \"100\", winners: 2}\n")
	if err := os.Mkdir(export, 0o755); err != nil {
		t.Fatal(err)
	}
	writeLargeExport(t, filepath.Join(export, "a.jsonl"), 300)
	writeLargeExport(t, filepath.Join(export, "b.jsonl"), 300)
	for _, cmd := range [][]string{
		{"rank", "-o", "csv"},
		{"validate", "-o", "json"},
		{"explain", "-o", "json"},
		{"draw", "--seed", "abc"},
	} {
		t.Run(cmd[0], func(t *testing.T) {
			t.Parallel()
			run := func(at int64) (code int, files []string, calls int64, stderr string) {
				dir := t.TempDir()
				args := append(append([]string{}, cmd...), "-q", "-r", rules, "--out", filepath.Join(dir, "out"), export)
				if cmd[0] == "explain" {
					args = append(args, "p000001")
				}
				ctx := newFlipContext(at)
				var out, errOut bytes.Buffer
				code = commands.Run(ctx, args, commands.TestStreams(strings.NewReader(""), &out, &errOut))
				return code, listDir(t, dir), ctx.calls.Load(), errOut.String()
			}
			code, files, total, stderr := run(1 << 62)
			if code != 0 || len(files) != 1 {
				t.Fatalf("uncancelled run: exit %d, files %v; stderr:\n%s", code, files, stderr)
			}
			if total < 4 {
				t.Fatalf("the run looks at its context %d times", total)
			}
			ats := []int64{1, 2, 3, total / 2}
			for at := max(4, total-12); at <= total; at++ {
				ats = append(ats, at)
			}
			for _, at := range ats {
				code, files, _, stderr := run(at)
				if code != 130 || len(files) != 0 || !strings.Contains(stderr, "interrupted") {
					t.Errorf("cancelled at look %d of %d: exit %d, files %v, want 130 and none; stderr:\n%s", at, total, code, files, stderr)
				}
			}
			t.Logf("%d looks", total)
		})
	}
}

// phaseContext is cancelled by the first look at it from a function whose
// name ends in phase: "campaign.(*Result).crossCheck" stops a run in its
// cross-entry checks.
type phaseContext struct {
	context.Context
	cancel context.CancelFunc
	phase  string
	hit    atomic.Bool
}

func (c *phaseContext) Err() error {
	pcs := make([]uintptr, 1)
	if runtime.Callers(2, pcs) == 1 {
		if f, _ := runtime.CallersFrames(pcs).Next(); strings.HasSuffix(f.Function, c.phase) {
			c.hit.Store(true)
			c.cancel()
		}
	}
	return c.Context.Err()
}

// TestCancelInEachPhase stops a run in each phase after reading, where a
// cancel used to be ignored until the output was written: each must look
// at its context, exit 130 and leave no --out file and no temporary file.
func TestCancelInEachPhase(t *testing.T) {
	in := t.TempDir()
	rules, export := filepath.Join(in, "rules.yaml"), filepath.Join(in, "posts.jsonl")
	writeFile(t, rules, "name: t\ntags: {all_of: [\"#ES\"]}\nrewards: {pool: \"100\", winners: 2}\n")
	writeLargeExport(t, export, 2000) // output larger than one buffer
	phases := []struct{ cmd, phase string }{
		{"rank", "campaign.(*Result).read"},
		{"rank", "campaign.(*Result).crossCheck"},
		{"rank", "campaign.Evaluate"},
		{"rank", "commands.rankRun"},
		{"explain", "commands.explainRun"},
		{"rank", "commands.ctxWriter.Write"},
		{"rank", "commands.writeAtomic"},
	}
	for _, p := range phases {
		t.Run(p.cmd+" "+p.phase, func(t *testing.T) {
			dir := t.TempDir()
			args := []string{p.cmd, "-q", "-o", "json", "-r", rules, "--out", filepath.Join(dir, "out"), export}
			if p.cmd == "explain" {
				args = append(args, "p000001")
			}
			ctx, cancel := context.WithCancel(context.Background())
			pc := &phaseContext{Context: ctx, cancel: cancel, phase: p.phase}
			var out, errOut bytes.Buffer
			code := commands.Run(pc, args, commands.TestStreams(strings.NewReader(""), &out, &errOut))
			if !pc.hit.Load() {
				t.Fatalf("%s never looks at the context (exit %d)", p.phase, code)
			}
			if files := listDir(t, dir); code != 130 || len(files) != 0 {
				t.Errorf("exit %d, files %v, want 130 and none; stderr:\n%s", code, files, errOut.String())
			}
		})
	}
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

// TestSignalStopsRun sends SIGINT or SIGTERM to a real promo process in
// the middle of a large run: it exits 130 and leaves no --out file and no
// temporary file. The run takes seconds; the signal comes well before.
func TestSignalStopsRun(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to another process on windows")
	}
	if testing.Short() {
		t.Skip("builds a large export")
	}
	dir := t.TempDir()
	export := filepath.Join(dir, "posts.jsonl")
	writeLargeExport(t, export, 40000)
	rules := filepath.Join(dir, "rules.yaml")
	writeFile(t, rules, "name: t\ntags: {all_of: [\"#ES\"]}\nlength: {min: 10}\nrewards: {pool: \"100\", winners: 10}\n")
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			outDir := t.TempDir()
			cmd := promoProcess(t, "rank", "-r", rules, "-o", "json", "--out", filepath.Join(outDir, "out.json"), export)
			waitFor(cmd, func(pid string) bool { return readBytes(pid) > 1<<20 }) // reading the export
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			code := exitCode(t, cmd.Wait())
			if code != 130 {
				t.Fatalf("exit %d, want 130; stderr:\n%s", code, cmd.Stderr)
			}
			if files := listDir(t, outDir); len(files) != 0 {
				t.Errorf("files left behind: %v", files)
			}
		})
	}
}

// TestSecondSignalExitsAtOnce blocks promo where it cannot look at its
// context (opening a FIFO named by --out waits for a reader): the second
// SIGINT ends it.
func TestSecondSignalExitsAtOnce(t *testing.T) {
	if _, err := exec.LookPath("mkfifo"); err != nil || runtime.GOOS == "windows" {
		t.Skip("no mkfifo")
	}
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "export"), 0o755); err != nil {
		t.Fatal(err)
	}
	export := filepath.Join(dir, "export", "posts.jsonl")
	writeLargeExport(t, export, 10)
	rules := filepath.Join(dir, "rules.yaml")
	writeFile(t, rules, "name: t\ntags: {all_of: [\"#ES\"]}\nlength: {min: 10}\n")
	fifo := filepath.Join(dir, "out.json")
	if err := exec.Command("mkfifo", fifo).Run(); err != nil {
		t.Fatal(err)
	}
	cmd := promoProcess(t, "validate", "-r", rules, "-o", "json", "--out", fifo, filepath.Dir(export))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	waitFor(cmd, func(pid string) bool { // a thread blocked opening the FIFO
		tasks, _ := filepath.Glob("/proc/" + pid + "/task/*/wchan")
		for _, task := range tasks {
			if data, err := os.ReadFile(task); err == nil && strings.Contains(string(data), "partner") {
				return true
			}
		}
		return false
	})
	cmd.Process.Signal(syscall.SIGINT)
	time.Sleep(100 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGINT)
	select {
	case err := <-done:
		if code := exitCode(t, err); code != 130 {
			t.Fatalf("exit %d, want 130; stderr:\n%s", code, cmd.Stderr)
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("two SIGINTs did not stop promo")
	}
}

// waitFor waits until ready says the process has got where a test wants
// it (its signal handlers are installed by then), reading /proc; where
// there is no /proc it waits a second instead.
func waitFor(cmd *exec.Cmd, ready func(pid string) bool) {
	pid := strconv.Itoa(cmd.Process.Pid)
	if _, err := os.Stat("/proc/" + pid); err != nil {
		time.Sleep(time.Second)
		return
	}
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline) && !ready(pid); {
		time.Sleep(10 * time.Millisecond)
	}
}

// readBytes is how much the process has read so far.
func readBytes(pid string) int {
	data, err := os.ReadFile("/proc/" + pid + "/io")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "rchar: "); ok {
			n, _ := strconv.Atoi(v)
			return n
		}
	}
	return 0
}

// promoProcess starts this test binary as promo (see TestMain).
func promoProcess(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "RUN_AS_PROMO=1")
	cmd.Stderr = &bytes.Buffer{}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

func exitCode(t *testing.T, err error) int {
	t.Helper()
	if err == nil {
		return 0
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		t.Fatal(err)
	}
	return ee.ExitCode()
}

func writeLargeExport(t *testing.T, path string, n int) {
	t.Helper()
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"id":"p%06d","author":"user%d","content":"#ES 第 %d 篇：质押挖矿的收益和解锁节奏，APR 大约 %d%%，值得参与 %x","created_at":"2025-07-16 10:00","likes":%d}`+"\n",
			i, i%5000, i, i%40, i*7919, i%300)
	}
	writeFile(t, path, b.String())
}
