// Package announce reads a campaign announcement and writes the rule file it
// implies: the `promo init [--from FILE]` logic.
//
// # What is inferred
//
// Infer reads the announcement line by line, after folding full-width digits
// and punctuation to their narrow forms ("１，２５０" is 1,250, "：" is ":").
// Each value remembers the line it came from, so that the rule file can say
// so and the operator can check it.
//
//   - Required tags come only from lines that tell people to post with them
//     (带上/帶上/加上/使用/发帖/發帖/参与话题, "post with", "use the hashtag",
//     "include", ...). Other `#` in the text are topics the announcement
//     mentions, not requirements. Tags are kept as written, sigils included:
//     "#topic with spaces#", "#Tag", "$CASHTAG".
//   - The name is the body of the main required `#…#` topic when the first
//     line carries that tag, else the first line without emoji and hashtags.
//   - The minimum length and its unit. 字, 字符, "characters" and "chars" map
//     to `graphemes`: Chinese platforms count one 字 per visible character,
//     and the sample rule file reads "≥60字" as `min: 60` in graphemes.
//     汉字/漢字/中文字 ("60 个汉字") map to `han`, words and 单词 to `words`.
//     The `weibo` unit (Latin letters count ½) is never inferred; choose it by
//     hand for a platform that counts that way.
//   - A screenshot requirement (截图/截圖/附图/配图/screenshot/image proof)
//     sets media.min_images to 1, or to the count written ("2 张截图").
//   - Winners ("10 位", "前 50 名", "the best 15 posts", "top 20"), the pool
//     and token ("總獎池:1,250 枚 ES", "共 20,000 枚 ABC", "a 2,500 USDT prize
//     pool", "$5,000 in USDT"; 万/萬 and k multiply).
//   - The window: Chinese, ISO and English dates, ranges written with -, –,
//     ~, 至, 到 or "to"; a year missing from both ends is taken from the
//     first year written anywhere in the text. A date without a time starts
//     at 00:00:00 or ends at 23:59:59, and an end at 23:59 runs to 23:59:59.
//     Zones: 北京时间 is Asia/Shanghai (and 香港/台北/新加坡/东京 likewise),
//     IANA names are kept, "UTC+8" and "GMT+8" become the fixed zone
//     "Etc/GMT-8" (the Etc names invert the sign), plain UTC or GMT is "UTC".
//
// # The rule file
//
// Template writes every key with a comment explaining it. Inferred values
// carry "# from line N: …"; the rest are defaults marked TODO that still pass
// `promo rules check`.
package announce
