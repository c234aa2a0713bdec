package check_test

import (
	"os"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/export"
)

func TestBlockedAuthor(t *testing.T) {
	const rules = "authors: {blocklist: [free_es_bot, ＡＬＩＣＥ]}\n"
	tests := []struct {
		name, author string
		want         []check.Reason
	}{
		{name: "listed", author: "free_es_bot",
			want: []check.Reason{{Code: check.BlockedAuthor, Measured: "free_es_bot", Limit: "free_es_bot", Message: "author free_es_bot is on the blocklist"}}},
		{name: "case folded", author: "Free_ES_Bot",
			want: []check.Reason{{Code: check.BlockedAuthor, Measured: "Free_ES_Bot", Limit: "free_es_bot", Message: "author Free_ES_Bot is on the blocklist"}}},
		{name: "width and case folded", author: "alice",
			want: []check.Reason{{Code: check.BlockedAuthor, Measured: "alice", Limit: "ＡＬＩＣＥ", Message: "author alice is on the blocklist"}}},
		{name: "prefix is not the name", author: "free_es_bot2"},
		{name: "not listed", author: "bob"},
		{name: "no author", author: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := inspect(t, rules, &export.Post{ID: "p", Author: tt.author})
			assertReasons(t, e.Reasons, tt.want)
		})
	}
}

func TestBannedWord(t *testing.T) {
	const rules = "content: {banned: [稳赚不赔, guaranteed profit, scam, ES]}\n"
	banned := func(list string, n int) []check.Reason {
		word := "word"
		if n > 1 {
			word = "words"
		}
		return []check.Reason{{Code: check.BannedWord, Measured: list, Message: "contains banned " + word + " " + list}}
	}
	tests := []struct {
		name, content string
		want          []check.Reason
	}{
		{name: "cjk phrase inside text", content: "这个项目稳赚不赔哦", want: banned("稳赚不赔", 1)},
		{name: "traditional spelling", content: "這個項目穩賺不賠", want: banned("稳赚不赔", 1)},
		{name: "latin phrase, case and spaces folded", content: "This is a Guaranteed   Profit!", want: banned("guaranteed profit", 1)},
		{name: "latin word inside a longer word", content: "scammers and TESLA"},
		{name: "latin word next to cjk", content: "买ES币", want: banned("ES", 1)},
		{name: "full-width latin", content: "ＳＣＡＭ 警告", want: banned("scam", 1)},
		{name: "two words, in rule order", content: "scam！稳赚不赔", want: banned("稳赚不赔, scam", 2)},
		{name: "split phrase is not the phrase", content: "稳赚，不赔"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := inspect(t, rules, &export.Post{ID: "p", Content: tt.content})
			assertReasons(t, e.Reasons, tt.want)
		})
	}
}

func TestCopiesBrief(t *testing.T) {
	brief, err := os.ReadFile("testdata/announcement.txt")
	if err != nil {
		t.Fatal(err)
	}
	const rules = "content: {brief: testdata/announcement.txt, brief_threshold: 0.6}\n"
	sentence := "正文不少于 60 字，可以介绍项目的亮点与代币机制"
	tests := []struct {
		name, content string
		copies        bool
		measured      string
	}{
		{name: "pastes the brief", content: string(brief), copies: true, measured: "1.00"},
		{name: "pastes the brief in traditional script", content: "#Gate Alpha 第三屆積分狂歡節 & ES Launchpool# 評選出內容質量最優的 10 位用戶，平分 1,250 ES。每位用戶僅以其最佳的一篇帖子參與評選", copies: true, measured: "0.92"},
		{name: "quotes one sentence", content: ownWords + "公告里说：" + sentence + "。" + ownWords},
		{name: "own words", content: ownWords, measured: "0.00"},
		{name: "too short to compare", content: "好", measured: "0.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := inspect(t, rules, &export.Post{ID: "p", Content: tt.content})
			if !tt.copies {
				assertReasons(t, e.Reasons, nil)
				if e.Measure.Brief >= 0.6 {
					t.Errorf("Measure.Brief = %v, want below 0.6", e.Measure.Brief)
				}
				if tt.measured != "" && e.Measure.Brief != 0 {
					t.Errorf("Measure.Brief = %v, want 0", e.Measure.Brief)
				}
				return
			}
			r := only(t, e, check.CopiesBrief)
			if r.Measured != tt.measured || r.Limit != "0.60" {
				t.Errorf("measured %s limit %s, want %s and 0.60", r.Measured, r.Limit, tt.measured)
			}
			if !strings.HasSuffix(r.Message, "the limit is 60%") {
				t.Errorf("message %q", r.Message)
			}
		})
	}
}
