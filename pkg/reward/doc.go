// Package reward divides a campaign's reward pool among its ranked winners
// in exact decimals.
//
// Amounts are worked in whole smallest units (10^-decimals of the token),
// so a split never loses or invents a unit. Equal and proportional splits
// pay exactly the pool: each amount is floored to the unit and the units
// left over go one each to the largest remainders, ties to the better
// rank. A tiered split pays its table and reports the rest as leftover.
//
// # Ties
//
// With [Share], entries with equal scores split the summed amounts of the
// places they occupy, wherever they stand; at the cut-off the places past
// the winners count as paying nothing, so the pool is not exceeded. With
// [Earliest], the order the caller gives decides.
//
// # Limits
//
// A [Plan] may cap each payout (MaxPerWinner) and set a floor per place
// (MinPayout); see [Plan] for how each mode treats them.
package reward
