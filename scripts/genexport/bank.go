package main

import (
	"strconv"
	"strings"
)

// Sentence templates: {n} a number, {p} a percentage, {w} a campaign word,
// {x} a few random characters. The random parts keep unrelated posts far
// apart, so the only near-duplicates in the output are the planted ones.
var zhTemplates = []string{
	"我这周在 Launchpool 质押了 {n} 个 {w}，年化大概 {p}，比预期高一点。",
	"说说我对{w}的看法：{x}是关键，短期波动不用太在意。",
	"昨天刷 Alpha 积分刷到了第 {n} 名，{x}的玩法确实有意思。",
	"{w}的代币总量和解锁节奏要看清楚，前 {n} 天的释放量占 {p}。",
	"和上一期比，这次{w}的收益率差不多是 {p}，我觉得{x}还可以。",
	"Eclipse 把 SVM 带到以太坊 Layer 2，这个方向我一直很看好，{x}。",
	"新手提醒：先看清{w}规则，再决定投入 {n} 还是更多，别{x}。",
	"挖矿 {n} 小时后收益到账，截图已附，{w}的体验整体不错。",
	"群里有人问{w}值不值得参与，我的答案是看仓位，{x}。",
	"今天 APR 掉到了 {p}，估计是参与人数多了，{x}也正常。",
	"{w}这一期我一共拿了 {n} 积分，{x}，下一期继续。",
	"对比了三家平台的{w}，这里的门槛最低，只要 {n} 就能参加。",
	"我更关心的是{w}上线后的流动性，{x}，大家怎么看？",
	"记录一下：第 {n} 天，质押收益 {p}，{w}没有踩坑。",
	"如果你只有 {n} U，我建议先试试{w}，{x}。",
	"项目方说解锁会分 {n} 期完成，这对{w}的价格是好事。",
	"身边的朋友有 {n} 个都在玩{w}，热度可见一斑，{x}。",
	"晚上 {n} 点快照，记得提前把{w}准备好，{x}。",
}

var enTemplates = []string{
	"Staked {n} {w} in Launchpool this week, APR around {p}. ",
	"My take on {w}: the tokenomics look fair, unlock over {n} months. ",
	"Eclipse brings SVM speed to an Ethereum Layer 2, and {w} is how they bootstrap it. ",
	"Day {n} of farming {w}, rewards arriving as promised. ",
}

var words = []string{
	"ES", "Launchpool", "Alpha 积分", "质押挖矿", "BTC 池", "ETH 池", "ES 池",
	"积分狂欢节", "Eclipse", "新币挖矿", "交易赛", "空投", "持仓奖励",
}

// hanzi supplies random characters for {x} and for the edits in copies.
const hanzi = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车"

var hanziRunes = []rune(hanzi)

func (g *generator) sentence() string {
	t := zhTemplates
	if g.rnd.IntN(10) == 0 {
		t = enTemplates
	}
	s := t[g.rnd.IntN(len(t))]
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 || i+2 >= len(s) {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteString(g.slot(s[i+1]))
		s = s[i+3:]
	}
}

func (g *generator) slot(kind byte) string {
	switch kind {
	case 'n':
		return strconv.Itoa(1 + g.rnd.IntN(5000))
	case 'p':
		return strconv.Itoa(1+g.rnd.IntN(300)) + "%"
	case 'w':
		return words[g.rnd.IntN(len(words))]
	default:
		return g.randomHan(2 + g.rnd.IntN(4))
	}
}

func (g *generator) randomHan(n int) string {
	rs := make([]rune, n)
	for i := range rs {
		rs[i] = hanziRunes[g.rnd.IntN(len(hanziRunes))]
	}
	return string(rs)
}
