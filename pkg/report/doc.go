// Package report renders results for people and programs: padded tables
// for a terminal (aligned by display width, so Chinese, Japanese and Korean
// line up), TSV for pipes, JSON through DTOs with stable snake_case fields,
// CSV defused against spreadsheet formulas, and Markdown for a results post.
// Renderers take data and a writer; they never decide where output goes.
package report
