package reward

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/shopspring/decimal"
)

// Limits that keep exact arithmetic cheap. 18 places cover ERC-20 tokens
// and 24 cover NEAR; 40 integer digits are far beyond any real pool.
const (
	MaxDecimals  = 36
	maxIntDigits = 40
	maxTextLen   = 100
)

// ParseAmount reads a plain decimal such as "1250" or "92.85". Exponents,
// signs other than a leading "-", and thousands separators are refused so
// that what the operator typed is exactly what gets paid.
func ParseAmount(s string) (decimal.Decimal, error) {
	t := strings.TrimSpace(s)
	if !plainNumber(t) {
		return decimal.Decimal{}, fmt.Errorf("%q is not a number: write digits with an optional decimal point, like 1250 or 92.85", s)
	}
	d, err := decimal.NewFromString(t)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%q is not a number: write digits with an optional decimal point, like 1250 or 92.85", s)
	}
	return d, nil
}

func plainNumber(s string) bool {
	if len(s) == 0 || len(s) > maxTextLen {
		return false
	}
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasDot := strings.Cut(s, ".")
	if !allDigits(intPart) {
		return false
	}
	return !hasDot || allDigits(frac)
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// checkSize refuses values whose exact form would be huge, before any
// arithmetic touches them: a decimal such as 1e999999999 is legal for the
// decimal library but would take forever to scale.
func checkSize(what string, d decimal.Decimal) error {
	if d.IsZero() {
		return nil
	}
	if what != "" {
		what += " "
	}
	e := int(d.Exponent())
	if e < -4*maxTextLen || d.NumDigits() > 4*maxTextLen {
		return fmt.Errorf("%s%s is out of range: use at most %d integer digits and %d decimal places", what, show(d), maxIntDigits, MaxDecimals)
	}
	if e > maxIntDigits || d.NumDigits()+e > maxIntDigits {
		return fmt.Errorf("%s%s is too large: use at most %d integer digits", what, show(d), maxIntDigits)
	}
	return nil
}

// show writes d for a message without spelling out a huge expansion.
func show(d decimal.Decimal) string {
	e := int(d.Exponent())
	switch {
	case d.NumDigits() > 60:
		return fmt.Sprintf("(a %d-digit number)", d.NumDigits())
	case e < -60 || e > 60:
		return fmt.Sprintf("%se%d", d.Coefficient().String(), e)
	}
	return d.String()
}

// places counts the decimal places d really needs, ignoring trailing zeros.
// Call it only on values that passed checkSize.
func places(d decimal.Decimal) int32 {
	e := d.Exponent()
	if e >= 0 || d.IsZero() {
		return 0
	}
	c := d.Coefficient()
	ten, r := big.NewInt(10), new(big.Int)
	for e < 0 {
		q, m := new(big.Int).QuoRem(c, ten, r)
		if m.Sign() != 0 {
			break
		}
		c, e = q, e+1
	}
	return -e
}

// checkMoney checks a non-negative amount that must be payable in whole
// smallest units.
func checkMoney(what string, d decimal.Decimal, decimals int32) error {
	if err := checkSize(what, d); err != nil {
		return err
	}
	if d.Sign() < 0 {
		return fmt.Errorf("%s %s is negative: give an amount of zero or more", what, d.String())
	}
	if p := places(d); p > decimals {
		return fmt.Errorf("%s %s has %d decimal places but decimals is %d: round it to %s or raise decimals to %d",
			what, d.String(), p, decimals, d.Truncate(decimals).StringFixed(decimals), p)
	}
	return nil
}

// toUnits converts a checked amount into whole smallest units.
func toUnits(d decimal.Decimal, decimals int32) *big.Int {
	return d.Shift(decimals).BigInt()
}

func fromUnits(u *big.Int, decimals int32) decimal.Decimal {
	return decimal.NewFromBigInt(u, -decimals)
}
