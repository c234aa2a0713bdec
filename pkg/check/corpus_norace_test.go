//go:build !race

package check_test

// oraclePosts is the size of the generated corpus the engine and the text
// package are compared on against the oracle.
const oraclePosts = 10000
