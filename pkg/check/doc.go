// Package check judges exported posts against a campaign's rules.
//
// Each kind of check is one type behind the Check interface, built once
// from the rules with its inputs precompiled (folded tags, phrase sets,
// limits) and then run on every post. A post gets every reason that
// applies, not just the first. What promo keeps of a post after checking is
// an Entry: a compact record with the reasons and the measurements that
// scoring and the cross-entry checks need, without the post's text.
//
// Checks that compare entries with each other (near-duplicate,
// reused-image, author-limit) run after every post has been read; see
// package campaign.
package check
