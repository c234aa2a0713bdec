package announce

import (
	"reflect"
	"strings"
	"testing"
)

// low folds and lower-cases text the way Infer does before reading it.
func low(s string) string { return splitLines(s)[0].low }

func TestReadLength(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		unit     string
	}{
		{"ge sign", "3️⃣ 發布圖文內容(≥60字)", 60, "graphemes"},
		{"full-width digits", "内容≥６０字", 60, "graphemes"},
		{"zishu buShaoYu", "字数不少于 150 字", 150, "graphemes"},
		{"yishang", "内容需 200 字以上", 200, "graphemes"},
		{"traditional", "內容不少於100字", 100, "graphemes"},
		{"han", "正文不少于 60 个汉字", 60, "han"},
		{"han bare", "写满 60 个汉字即可", 60, "han"},
		{"zishu without unit", "字数≥80", 80, "graphemes"},
		{"minimum of characters", "a minimum of 120 characters", 120, "graphemes"},
		{"at least words", "at least 50 words", 50, "words"},
		{"thousands", "at least 1,000 characters", 1000, "graphemes"},
		{"or more", "300 words or more", 300, "words"},
		{"plus", "write 150+ chars", 150, "graphemes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, unit, ok := readLength(low(tc.in))
			if !ok || n != tc.n || unit != tc.unit {
				t.Errorf("readLength(%q) = %d, %q, %v; want %d, %q", tc.in, n, unit, ok, tc.n, tc.unit)
			}
		})
	}
}

func TestReadLengthNone(t *testing.T) {
	for _, in := range []string{"第11期", "上线 60 天", "60 characters of fame", "字数 不限"} {
		if n, unit, ok := readLength(low(in)); ok {
			t.Errorf("readLength(%q) = %d, %q; want nothing", in, n, unit)
		}
	}
}

func TestInferPool(t *testing.T) {
	tests := []struct {
		name, in, pool, token string
	}{
		{"zong jiangchi", "本次活動總獎池:1,250 枚 ES", "1250", "ES"},
		{"gong mei", "本期共 20,000 枚 ABC", "20000", "ABC"},
		{"full-width", "总奖池：５，０００ 枚 ＧＴ", "5000", "GT"},
		{"wan", "總獎金池:3 萬 USDT", "30000", "USDT"},
		{"decimal", "奖池 12.5 BTC", "12.5", "BTC"},
		{"prize pool after", "win from a 2,500 USDT prize pool", "2500", "USDT"},
		{"dollars in", "$5,000 in USDT for the top 20", "5000", "USDT"},
		{"k", "a $5k in USDC giveaway", "5000", "USDC"},
		{"dollar pool", "$3,000 prize pool", "3000", "USD"},
		{"cashtag token", "瓜分 10,000 $PEPE", "10000", "PEPE"},
		{"pool total", "奖池总额：1,250 ES", "1250", "ES"},
		{"share equally", "评选出最优的 10 位用户，平分 1,250 ES。", "1250", "ES"},
		{"none", "第11期 $ES 專場", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			inf := Infer(tc.in)
			if inf.Pool != tc.pool || inf.Token != tc.token {
				t.Errorf("Infer(%q) pool %q token %q; want %q %q", tc.in, inf.Pool, inf.Token, tc.pool, tc.token)
			}
		})
	}
}

func TestReadWinners(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
	}{
		{"wei", "評選內容質量最優的 10 位 Launchpool/Gate", 10},
		{"qian ming", "内容质量前 50 名平分", 50},
		{"ge mingE", "共 8 个名额", 8},
		{"best posts", "The best 15 posts win", 15},
		{"top", "Top 20 creators share the pool", 20},
		{"winners", "we pick 25 lucky winners", 25},
		{"quality posts", "rewards go to 12 quality posts", 12},
		{"full-width", "评选最佳 ２０ 位创作者", 20},
		{"place is not a count", "第 1 名獲得 300 ES,共 5 位", 5},
		{"thousands are not counts", "over 1,000 winners before", 0},
		{"none", "第11期 Alpha", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, ok := readWinners(low(tc.in))
			if n != tc.n || ok != (tc.n > 0) {
				t.Errorf("readWinners(%q) = %d, %v; want %d", tc.in, n, ok, tc.n)
			}
		})
	}
}

func TestReadImages(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
	}{
		{"traditional", "並曬出參與截圖", 1},
		{"simplified count", "附上 2 张交易截图", 2},
		{"fuitu", "附图１张", 1},
		{"english", "Attach a screenshot as image proof", 1},
		{"english count", "include 3 screenshots", 3},
		{"not required", "无需截图", 0},
		{"none", "发布图文内容", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, ok := readImages(low(tc.in))
			if n != tc.n || ok != (tc.n > 0) {
				t.Errorf("readImages(%q) = %d, %v; want %d", tc.in, n, ok, tc.n)
			}
		})
	}
}

func TestWindow(t *testing.T) {
	tests := []struct {
		name, in, start, end, zone string
	}{
		{"chinese with times", "2025年7月15日 10:00 至 7月22日 23:59", "2025-07-15 10:00:00", "2025-07-22 23:59:59", ""},
		{"slashes en dash", "2025/07/15–2025/07/22", "2025-07-15 00:00:00", "2025-07-22 23:59:59", ""},
		{"iso tilde", "2025-10-01 ~ 2025-10-07", "2025-10-01 00:00:00", "2025-10-07 23:59:59", ""},
		{"english month names", "July 15 – July 22, 2025", "2025-07-15 00:00:00", "2025-07-22 23:59:59", ""},
		{"english day only end", "Jul 15 - 22, 2025 (UTC)", "2025-07-15 00:00:00", "2025-07-22 23:59:59", "UTC"},
		{"english to with clock", "from August 1, 2025 at 9:30 am to August 3, 2025 at 6 pm", "2025-08-01 09:30:00", "2025-08-03 18:00:00", ""},
		{"english to with colon clock", "from August 1, 2025 9:30 am to August 3, 2025 6:00 pm", "2025-08-01 09:30:00", "2025-08-03 18:00:00", ""},
		{"day month order", "1st March 2025 to 10th March 2025, GMT+8", "2025-03-01 00:00:00", "2025-03-10 23:59:59", "Etc/GMT-8"},
		{"short dates need a year", "活动时间:7.15-7.22 2025", "2025-07-15 00:00:00", "2025-07-22 23:59:59", ""},
		{"beijing time", "2025年7月15日 10:00 至 7月22日 23:59(北京时间)", "2025-07-15 10:00:00", "2025-07-22 23:59:59", "Asia/Shanghai"},
		{"named wins over offset", "2025-07-15 10:00 - 2025-07-22 18:00 北京時間 (UTC+8)", "2025-07-15 10:00:00", "2025-07-22 18:00:00", "Asia/Shanghai"},
		{"offset with minutes", "2025-07-15 10:00 (GMT+08:00) - 2025-07-22 18:00 (GMT+08:00)", "2025-07-15 10:00:00", "2025-07-22 18:00:00", "Etc/GMT-8"},
		{"negative offset", "2025-07-15 – 2025-07-22 UTC-5", "2025-07-15 00:00:00", "2025-07-22 23:59:59", "Etc/GMT+5"},
		{"half hour offset", "2025-07-15 – 2025-07-22 UTC+5:30", "2025-07-15 00:00:00", "2025-07-22 23:59:59", "Asia/Kolkata"},
		{"iana", "2025-07-15 – 2025-07-22 Europe/Berlin", "2025-07-15 00:00:00", "2025-07-22 23:59:59", "Europe/Berlin"},
		{"same day clock range", "2025-07-15 10:00 - 18:00", "2025-07-15 10:00:00", "2025-07-15 18:00:00", ""},
		{"chinese day only end", "2025年7月15日-22日", "2025-07-15 00:00:00", "2025-07-22 23:59:59", ""},
		{"pm in chinese", "2025年7月15日 下午3点 至 7月16日 晚上8点", "2025-07-15 15:00:00", "2025-07-16 20:00:00", ""},
		{"across new year", "Dec 28 – Jan 5, 2026", "2025-12-28 00:00:00", "2026-01-05 23:59:59", ""},
		{"full-width", "２０２６年２月１０日～２月２０日（ＵＴＣ＋８）", "2026-02-10 00:00:00", "2026-02-20 23:59:59", "Etc/GMT-8"},
		{"end before start", "2025-07-22 - 2025-07-15", "", "", ""},
		{"impossible date", "2025-02-30 - 2025-03-02", "", "", ""},
		{"no year anywhere", "活动时间:7.15-7.22", "", "", ""},
		{"amounts are not dates", "1.5 - 2.5 ETH", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			inf := Infer(tc.in)
			got := []string{inf.WindowStart, inf.WindowEnd, inf.Timezone}
			want := []string{tc.start, tc.end, tc.zone}
			if tc.start == "" {
				want[2] = ""
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Infer(%q) window = %q; want %q", tc.in, got, want)
			}
		})
	}
}

func TestSplitWindow(t *testing.T) {
	in := "Campaign 2025\nStart time: 2025-07-15 10:00 (UTC+8)\nDeadline: July 22, 2025 23:59\n"
	inf := Infer(in)
	got := []string{inf.WindowStart, inf.WindowEnd, inf.Timezone}
	want := []string{"2025-07-15 10:00:00", "2025-07-22 23:59:59", "Etc/GMT-8"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("window = %q; want %q", got, want)
	}
	if inf.From["window.start"].Line != 2 || inf.From["window.end"].Line != 3 {
		t.Errorf("window lines = %d, %d; want 2, 3", inf.From["window.start"].Line, inf.From["window.end"].Line)
	}
}

func TestScanTags(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"gate topic", "帶上Tag #Gate Alpha 第三届积分狂欢节 & ES Launchpool# 發帖", []string{"#Gate Alpha 第三届积分狂欢节 & ES Launchpool#"}},
		{"hashtags are not a topic", "#BTC #ETH", []string{"#BTC", "#ETH"}},
		{"hashtag and cashtag", "Post with #EclipseSprint and $ES", []string{"#EclipseSprint", "$ES"}},
		{"full-width sigils", "带上＃新春征文＃发帖", []string{"＃新春征文＃"}},
		{"dollar amount is no cashtag", "win $5,000 and $ES", []string{"$ES"}},
		{"hashtag after a letter", "abc#def and &x", nil},
		{"topic after a letter", "abc#def and x#", []string{"#def and x#"}},
		{"no topic ends with punctuation such as an entity's &", "abc#def and &#x", nil},
		{"keycap is no tag", "#️⃣ 1️⃣", nil},
		{"topic glued to a latin word", "#A#B", []string{"#A#"}},
		{"cashtag glued to han", "带上$ES专场", []string{"$ES"}},
		{"cashtag with a class", "带上 $BRK.B", []string{"$BRK.B"}},
		{"topic glued to latin", "带上 #积分狂欢节#abc", []string{"#积分狂欢节#"}},
		{"cashtag too long", "$ABCDEFG $ABCDEF", []string{"$ABCDEF"}},
		{"cashtag in parens", "Eclipse($ES)Launchpool", []string{"$ES"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, tg := range scanTags(tc.in) {
				got = append(got, tg.text)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("scanTags(%q) = %q; want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestInferTags(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"only post-with lines", "🎉 #Gate Alpha#上线\n1️⃣ 帶上Tag #Gate Alpha# 發帖", []string{"#Gate Alpha#"}},
		{"mentioned topics are not required", "We love #Bitcoin talk\nuse the hashtag #Diary", []string{"#Diary"}},
		{"optional line", "带上 #A# 发帖\n也可带上 #B#(可选)", []string{"#A#"}},
		{"prohibition", "請勿使用 #抽獎# 標籤", nil},
		{"tags on the next line", "Post with these hashtags:\n#One #Two\n#Three", []string{"#One", "#Two"}},
		{"cashtag alone", "發帖時帶上 $PEPE", []string{"$PEPE"}},
		{"repeated tag once", "带上 #X# 发帖\n发帖记得带上 #X#", []string{"#X#"}},
		{"no instruction", "任務目標:推廣 Eclipse($ES) 和 #Alpha#", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Infer(tc.in).Tags; !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Infer(%q).Tags = %q; want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestInferName(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"main topic on the title line", "🎉 #Gate Alpha 第三届# 聯合推廣任務上線!\n帶上 #Gate Alpha 第三届# 發帖", "Gate Alpha 第三届"},
		{"title without tags", "🔥 幣圈寫手大賽 第二季 🔥\n帶上 #幣圈# 發帖", "幣圈寫手大賽 第二季"},
		{"bracketed title", "【ABC 创作者季】发帖赢取 20,000 ABC!", "ABC 创作者季"},
		{"hashtags dropped", "Join #Gate now! 🚀", "Join now"},
		{"blank lines first", "\n\n  Summer Sprint  \n", "Summer Sprint"},
		{"long title clipped", strings.Repeat("字", 100), strings.Repeat("字", 79) + "…"},
		{"nothing", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Infer(tc.in).Name; got != tc.want {
				t.Errorf("Infer(%q).Name = %q; want %q", tc.in, got, tc.want)
			}
		})
	}
}
