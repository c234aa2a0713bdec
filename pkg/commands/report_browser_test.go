package commands_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/promo-cli/promo/pkg/commands"
)

var updateScreenshot = flag.Bool("update-screenshot", false, "rewrite docs/report.png from the browser test")

// chromium finds Debian's chromium. Without it the browser test is
// skipped on a workstation and fails under CI, where .ci/run installs it.
func chromium(t testing.TB) string {
	t.Helper()
	for _, p := range []string{os.Getenv("PROMO_CHROMIUM"), "/usr/bin/chromium", "chromium", "chromium-browser"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium not found; CI needs it for the report's browser test (apt-get install -y chromium)")
	}
	t.Skip("chromium not found: install it (apt-get install -y chromium) to run the report's browser test")
	return ""
}

// promoJSON runs a promo command that prints JSON and decodes it.
func promoJSON(t *testing.T, v any, args ...string) {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := commands.Run(context.Background(), args, commands.TestStreams(strings.NewReader(""), &out, &errOut)); code != 0 {
		t.Fatalf("promo %s: exit %d\n%s", strings.Join(args, " "), code, errOut.String())
	}
	if err := json.Unmarshal(out.Bytes(), v); err != nil {
		t.Fatalf("promo %s: %v", strings.Join(args, " "), err)
	}
}

type validateJSON struct {
	Summary struct {
		Entries  int            `json:"entries"`
		Valid    int            `json:"valid"`
		ByReason map[string]int `json:"by_reason"`
	} `json:"summary"`
	Entries []struct {
		ID      string `json:"id"`
		Reasons []struct {
			Code string `json:"code"`
		} `json:"reasons"`
	} `json:"entries"`
}

type rankJSON struct {
	Ranking []struct {
		Rank   int     `json:"rank"`
		ID     string  `json:"id"`
		Author string  `json:"author"`
		Score  float64 `json:"score"`
		Reward string  `json:"reward"`
	} `json:"ranking"`
}

// browser starts a headless chromium of its own, with a fresh profile and
// nothing that reaches out on its own, and records every console error
// and every request the page makes.
func browser(t testing.TB) (context.Context, *events) {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelB(); cancelA() })
	ev := &events{}
	if err := chromedp.Listen(ctx, ev.record); err != nil {
		t.Fatal(err)
	}
	tctx, cancelC := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancelC)
	run(t, tctx, call(network.Enable, network.EnableParams{}), call(log.Enable, cdp.Empty{}))
	return tctx, ev
}

// events are what the page did that the test must see: errors on the
// console and requests.
type events struct {
	mu       sync.Mutex
	errs     []string
	requests []string
}

func (e *events) record(ev any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
			e.errs = append(e.errs, fmt.Sprintf("console %s: %d values", ev.Type, len(ev.Args)))
		}
	case *runtime.EventExceptionThrown:
		e.errs = append(e.errs, "exception: "+ev.ExceptionDetails.Text)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			e.errs = append(e.errs, "log: "+ev.Entry.Text)
		}
	case *network.EventRequestWillBeSent:
		e.requests = append(e.requests, ev.Request.URL)
	}
}

// call is a protocol command as a step.
func call[P any](cmd cdp.Command[P, cdp.Empty], params P) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, cmd, params)
		return err
	})
}

// poll waits until the expression is true.
func poll(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(20*time.Second))(ctx, t)
		return err
	})
}

func colorScheme(value string) chromedp.Action[chromedp.Void] {
	return call(emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: value}},
	})
}

// TestReportInBrowser opens the sample campaign's report in chromium and
// checks what an operator sees against validate's and rank's JSON.
func TestReportInBrowser(t *testing.T) {
	ctx, ev := browser(t)
	sample, err := filepath.Abs("../../testdata/sample")
	if err != nil {
		t.Fatal(err)
	}
	rules, export := filepath.Join(sample, "rules.yaml"), filepath.Join(sample, "export")
	var v validateJSON
	promoJSON(t, &v, "validate", "-r", rules, "-o", "json", export)
	var rk rankJSON
	promoJSON(t, &rk, "rank", "-r", rules, "-o", "json", export)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	var errOut bytes.Buffer
	if code := commands.Run(context.Background(), []string{"report", "-r", rules, "--seed", "sample-seed", "--out", page, export},
		commands.TestStreams(strings.NewReader(""), &bytes.Buffer{}, &errOut)); code != 0 {
		t.Fatalf("report: exit %d\n%s", code, errOut.String())
	}

	run(t, ctx, colorScheme("light"), chromedp.Navigate("file://"+page), chromedp.WaitVisible(chromedp.CSS(`html[data-ready="true"]`)))
	t.Run("funnel", func(t *testing.T) { checkFunnel(t, ctx, &v) })
	t.Run("near-duplicate filter", func(t *testing.T) { checkFilter(t, ctx, &v) })
	t.Run("winners", func(t *testing.T) { checkWinners(t, ctx, &rk) })
	t.Run("p09", func(t *testing.T) { checkNearMiss(t, ctx) })
	t.Run("phone", func(t *testing.T) { checkPhone(t, ctx) })
	t.Run("dark", func(t *testing.T) { checkDark(t, ctx) })

	run(t, ctx, chromedp.EmulateViewport(1200, 1400), chromedp.Evaluate[chromedp.Void]("window.scrollTo(0, 0)"))
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "report.png"), png)
	if *updateScreenshot {
		write(t, "../../docs/report.png", png)
	}
	ev.mu.Lock()
	defer ev.mu.Unlock()
	if len(ev.errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(ev.errs, "\n"))
	}
	for _, u := range ev.requests {
		if !strings.HasPrefix(u, "file://") && !strings.HasPrefix(u, "data:") {
			t.Errorf("the page requested %s", u)
		}
	}
	if len(ev.requests) == 0 {
		t.Error("no request seen at all: the network listener is not working")
	}
}

func run(t testing.TB, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkFunnel: the funnel's figures are validate's summary.
func checkFunnel(t *testing.T, ctx context.Context, v *validateJSON) {
	steps := eval[[]struct{ Step, With, Removed, Remaining string }](t, ctx, `Array.from(document.querySelectorAll("#funnel-table tbody tr")).map(tr => ({
		Step: tr.dataset.step, With: tr.cells[3].textContent, Removed: tr.cells[1].textContent, Remaining: tr.cells[2].textContent}))`)
	byReason := map[string]int{}
	removed, got := 0, map[string]string{}
	for _, s := range steps {
		got[s.Step] = s.Remaining
		if s.With != "" {
			var n, r int
			fmt.Sscan(s.With, &n)
			fmt.Sscan(s.Removed, &r)
			byReason[s.Step] = n
			removed += r
		}
	}
	if got["read"] != fmt.Sprint(v.Summary.Entries) || got["valid"] != fmt.Sprint(v.Summary.Valid) {
		t.Errorf("funnel read %s, valid %s; validate says %d, %d", got["read"], got["valid"], v.Summary.Entries, v.Summary.Valid)
	}
	if removed != v.Summary.Entries-v.Summary.Valid {
		t.Errorf("funnel removes %d, validate finds %d invalid or unreadable", removed, v.Summary.Entries-v.Summary.Valid)
	}
	if fmt.Sprint(byReason) != fmt.Sprint(v.Summary.ByReason) {
		t.Errorf("per reason\n page     %v\n validate %v", byReason, v.Summary.ByReason)
	}
}

func visibleIDs(t *testing.T, ctx context.Context) []string {
	return eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#entries-table tbody button[data-id]")).map(b => b.dataset.id)`)
}

func setFilter(t *testing.T, ctx context.Context, code string) {
	run(t, ctx, chromedp.SetValue(chromedp.CSS("#f-code"), code),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("f-code").dispatchEvent(new Event("change")), undefined`))
}

// checkFilter: the reason filter shows exactly validate's near-duplicates.
func checkFilter(t *testing.T, ctx context.Context, v *validateJSON) {
	var want []string
	for _, e := range v.Entries {
		for _, r := range e.Reasons {
			if r.Code == "near-duplicate" {
				want = append(want, e.ID)
			}
		}
	}
	setFilter(t, ctx, "near-duplicate")
	got := visibleIDs(t, ctx)
	slices.Sort(got)
	slices.Sort(want)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("near-duplicate filter shows %v, want %v", got, want)
	}
	setFilter(t, ctx, "")
	// the text search reads the post texts, which the page inflates first
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#f-q"), "第二届"),
		poll(`document.querySelectorAll("#entries-table tbody button[data-id]").length === 1`))
	if got := visibleIDs(t, ctx); !slices.Equal(got, []string{"p09"}) {
		t.Errorf("searching 第二届 shows %v, want [p09]", got)
	}
	run(t, ctx, chromedp.Evaluate[chromedp.Void](`(q => { q.value = ""; q.dispatchEvent(new Event("input")); })(document.getElementById("f-q"))`),
		poll(`document.querySelectorAll("#entries-table tbody button[data-id]").length > 1`))
	if n := len(visibleIDs(t, ctx)); n != len(v.Entries) {
		t.Errorf("without a filter %d rows, want %d", n, len(v.Entries))
	}
}

// checkWinners: the winners table is rank's paid entries.
func checkWinners(t *testing.T, ctx context.Context, rk *rankJSON) {
	rows := eval[[][]string](t, ctx, `Array.from(document.querySelectorAll("#winners-table tbody tr")).map(tr => Array.from(tr.cells).map(c => c.textContent))`)
	var want [][]string
	for _, p := range rk.Ranking {
		if p.Reward != "" {
			want = append(want, []string{fmt.Sprint(p.Rank), p.ID, p.Author, fmt.Sprintf("%.2f", p.Score), p.Reward})
		}
	}
	if fmt.Sprint(rows) != fmt.Sprint(want) {
		t.Errorf("winners\n page %v\n rank %v", rows, want)
	}
}

// checkNearMiss: opening p09 shows its tag, written 第二届 for 第三届, as
// a near-miss, by keyboard as well as by mouse.
func checkNearMiss(t *testing.T, ctx context.Context) {
	run(t, ctx,
		chromedp.Focus(chromedp.CSS(`#entries-table button[data-id="p09"]`)),
		chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(chromedp.CSS(`#detail .post mark.near`)))
	near := eval[string](t, ctx, `document.querySelector("#detail .post mark.near").textContent`)
	diff := eval[string](t, ctx, `document.querySelector("#detail .post mark.near .diff").textContent`)
	open := eval[bool](t, ctx, `document.getElementById("detail").open`)
	if !open || !strings.Contains(near, "第二届") || diff != "二" {
		t.Errorf("p09: dialog open %v, near-miss %q, difference %q", open, near, diff)
	}
	if focused := eval[string](t, ctx, `document.activeElement.id`); focused != "detail-close" {
		t.Errorf("focus on %q after opening, want the close button", focused)
	}
	run(t, ctx, chromedp.KeyEvent("\x1b"), chromedp.WaitNotVisible(chromedp.CSS(`#detail`)))
}

// checkPhone: on a phone-sized screen nothing but the tables' own
// scrolling boxes is wider than the screen.
func checkPhone(t *testing.T, ctx context.Context) {
	run(t, ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	wide := eval[bool](t, ctx, `document.documentElement.scrollWidth > window.innerWidth`)
	run(t, ctx, chromedp.EmulateViewport(1280, 900))
	if wide {
		t.Error("the page is wider than a phone's screen")
	}
}

// checkDark: the page follows the system's dark scheme.
func checkDark(t *testing.T, ctx context.Context) {
	run(t, ctx, colorScheme("dark"))
	bg := eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`)
	run(t, ctx, colorScheme("light"))
	if bg != "rgb(21, 24, 28)" {
		t.Errorf("dark background %q", bg)
	}
}

// BenchmarkReportOpen times chromium opening a report until its table is
// drawn, and opening one entry: the wall time, and the CPU time of the
// page's renderer process, which a busy machine inflates far less. Set
// PROMO_REPORT_PAGE to a page made from a large export (docs/benchmarks.md
// says how); without it the benchmark is skipped, as it is without
// chromium.
func BenchmarkReportOpen(b *testing.B) {
	page := os.Getenv("PROMO_REPORT_PAGE")
	if page == "" {
		b.Skip("set PROMO_REPORT_PAGE to a report to open")
	}
	abs, err := filepath.Abs(page)
	if err != nil {
		b.Fatal(err)
	}
	ctx, _ := browser(b)
	run(b, ctx, call(performance.Enable, performance.EnableParams{}))
	var load, cpu, open time.Duration
	for b.Loop() {
		run(b, ctx, chromedp.Navigate("about:blank"))
		before := processTime(b, ctx)
		start := time.Now()
		run(b, ctx, chromedp.Navigate("file://"+abs), chromedp.WaitVisible(chromedp.CSS(`html[data-ready="true"]`)))
		load += time.Since(start)
		cpu += processTime(b, ctx) - before
		start = time.Now()
		run(b, ctx, chromedp.Click(chromedp.CSS(`#entries-table tbody button[data-id]`)),
			chromedp.WaitVisible(chromedp.CSS(`#detail-body .post`)), chromedp.KeyEvent("\x1b"))
		open += time.Since(start)
	}
	b.ReportMetric(float64(load.Milliseconds())/float64(b.N), "ms-wall/load")
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "ms-cpu/load")
	b.ReportMetric(float64(open.Milliseconds())/float64(b.N), "ms-wall/open-entry")
}

// processTime is the CPU time the page's renderer process has used.
func processTime(b *testing.B, ctx context.Context) time.Duration {
	b.Helper()
	res, err := chromedp.Call(ctx, performance.GetMetrics, cdp.Empty{})
	if err != nil {
		b.Fatal(err)
	}
	for _, m := range res.Metrics {
		if m.Name == "ProcessTime" {
			return time.Duration(m.Value * float64(time.Second))
		}
	}
	b.Fatal("no ProcessTime metric")
	return 0
}
