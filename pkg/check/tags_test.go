package check_test

import (
	"testing"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/export"
)

func TestMissingTag(t *testing.T) {
	const allOf = "tags: {all_of: [\"#Gate Alpha 第三届积分狂欢节 & ES Launchpool#\"]}\n"
	const anyOf = "tags: {any_of: [\"#ES\", \"$ES\"]}\n"
	const both = "tags: {all_of: [\"#积分狂欢节#\"], any_of: [\"#ES\", \"$ES\"]}\n"
	const noFolds = "tags:\n  all_of: [\"#积分狂欢节#\"]\n  match: {fold_width: false, fold_case: false, fold_space: false, fold_script: false}\n"
	tests := []struct {
		name    string
		rules   string
		content string
		want    []check.Reason
	}{
		{name: "all_of present", rules: allOf, content: "参加 " + campaignTag + " 活动"},
		{name: "all_of absent", rules: allOf, content: "只是一篇普通的帖子",
			want: []check.Reason{{Code: check.MissingTag, Message: "missing " + campaignTag, Limit: campaignTag}}},
		{name: "traditional post, simplified rule", rules: allOf,
			content: "#Gate Alpha 第三屆積分狂歡節 & ES Launchpool# 參加活動"},
		{name: "full-width sigils", rules: allOf,
			content: "＃Gate Alpha 第三届积分狂欢节 & ES Launchpool＃ 参加"},
		{name: "case and spaces folded", rules: allOf,
			content: "#gate  alpha 第三届积分狂欢节 &\u3000es launchpool# 参加"},
		{name: "second edition is not third", rules: allOf,
			content: "#Gate Alpha 第二届积分狂欢节 & ES Launchpool# 参加",
			want:    []check.Reason{{Code: check.MissingTag, Message: "missing " + campaignTag, Limit: campaignTag}}},
		{name: "tag without closing #", rules: allOf,
			content: "#Gate Alpha 第三届积分狂欢节 & ES Launchpool 参加",
			want:    []check.Reason{{Code: check.MissingTag, Message: "missing " + campaignTag, Limit: campaignTag}}},
		{name: "any_of hashtag", rules: anyOf, content: "买 #ES 了"},
		{name: "any_of cashtag", rules: anyOf, content: "买 $ES 了"},
		{name: "any_of full-width lower case", rules: anyOf, content: "买 ＃ｅｓ 了"},
		{name: "longer hashtag does not satisfy #ES", rules: anyOf, content: "买 #ESLaunchpool 了",
			want: []check.Reason{{Code: check.MissingTag, Message: "none of the tags #ES, $ES", Limit: "one of #ES, $ES"}}},
		{name: "any_of none", rules: anyOf, content: "ES 不带符号",
			want: []check.Reason{{Code: check.MissingTag, Message: "none of the tags #ES, $ES", Limit: "one of #ES, $ES"}}},
		{name: "all_of and any_of both missing", rules: both, content: "什么标签都没有",
			want: []check.Reason{
				{Code: check.MissingTag, Message: "missing #积分狂欢节#", Limit: "#积分狂欢节#"},
				{Code: check.MissingTag, Message: "none of the tags #ES, $ES", Limit: "one of #ES, $ES"},
			}},
		{name: "all_of missing, any_of present", rules: both, content: "#积分狂欢 #ES",
			want: []check.Reason{{Code: check.MissingTag, Message: "missing #积分狂欢节#", Limit: "#积分狂欢节#"}}},
		{name: "no folds: traditional does not match", rules: noFolds, content: "#積分狂歡節# 參加",
			want: []check.Reason{{Code: check.MissingTag, Message: "missing #积分狂欢节#", Limit: "#积分狂欢节#"}}},
		{name: "no folds: exact matches", rules: noFolds, content: "#积分狂欢节# 参加"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := inspect(t, tt.rules, &export.Post{ID: "p", Content: tt.content})
			assertReasons(t, e.Reasons, tt.want)
		})
	}
}

// TestMissingTagNearMiss: explain (verbose) says what came close.
func TestMissingTagNearMiss(t *testing.T) {
	c := mustChecker(t, "tags: {all_of: [\"#Gate Alpha 第三届积分狂欢节 & ES Launchpool#\"]}\n")
	e := c.Inspect(&export.Post{ID: "p", Content: "#Gate Alpha 第二届积分狂欢节 & ES Launchpool# 参加"}, &check.Workspace{}, true)
	r := only(t, e, check.MissingTag)
	if r.Pass || r.Measured == "" || r.Limit != campaignTag {
		t.Errorf("near miss = %+v, want a failure measuring what was found", r)
	}
}

func assertReasons(t *testing.T, got, want []check.Reason) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d reasons [%s], want %d [%s]\n%+v", len(got), codes(got), len(want), codes(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("reason %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}
