package check

import "strconv"

func sourceOf(file string, line, col int) string {
	if line <= 0 {
		return file
	}
	s := file + ":" + strconv.Itoa(line)
	if col > 0 {
		s += ":" + strconv.Itoa(col)
	}
	return s
}
