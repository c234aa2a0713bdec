//go:build race

package check_test

// oraclePosts is smaller under the race detector: the race run is there to
// check concurrency, and the differential corpus has none. 1,120 posts still
// cover each of the 112 fold × unit configurations ten times; the plain run
// (go test ./pkg/check) keeps the full corpus.
const oraclePosts = 1120
