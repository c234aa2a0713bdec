// Package htmlreport renders a judged campaign as one self-contained HTML
// page: the funnel, the length and score distributions, the winners and
// the payout, every entry with its explanation, the near-duplicate
// clusters and the reused screenshots.
//
// # One file, no network
//
// Styles and the script are inlined from embedded assets, charts are SVG
// drawn here, thumbnails are data URIs. The page loads nothing, so it can
// be mailed, archived or opened offline and shows the same thing.
//
// # Scale
//
// Only the table's columns are parsed when the page opens. Each entry's
// explanation and text sit in a second block, as JSON lines gzipped in
// chunks of a few hundred entries and written in base64; opening an entry
// inflates its chunk only, in the page (DecompressionStream). A campaign
// of 100,000 entries is one page that opens in a browser in well under
// three seconds (docs/benchmarks.md).
//
// # Deterministic
//
// The same model gives the same bytes: nothing depends on map order or
// the clock (a generation time is shown only when the caller sets Stamp).
//
// Build makes the model from a campaign.Result; Write renders it.
package htmlreport
