package announce

import "regexp"

var screenshotWords = []string{
	"截图", "截圖", "附图", "附圖", "配图", "配圖", "上传图片", "上傳圖片", "附上图片", "附上圖片",
	"screenshot", "screen shot", "screen-shot", "image proof", "proof image", "picture proof",
	"attach an image", "attach a picture", "attach a photo", "with an image", "with a picture",
}

var imageCounts = []*regexp.Regexp{
	regexp.MustCompile(`(\d{1,2})\s*(?:张|張|幅)`),
	regexp.MustCompile(`(\d{1,2})\s+(?:screenshots|images|pictures|photos)`),
}

func inferMedia(lines []line, inf *Inferred) {
	for _, l := range lines {
		if n, ok := readImages(l.low); ok {
			inf.MinImages = n
			inf.note("media.min_images", l)
			return
		}
	}
}

// readImages says whether a line asks for a screenshot, and how many.
func readImages(s string) (int, bool) {
	if !containsAny(s, screenshotWords) || containsAny(s, notRequired) {
		return 0, false
	}
	for _, re := range imageCounts {
		if m := re.FindStringSubmatch(s); m != nil {
			if n, ok := number(m[1]); ok {
				return n, true
			}
		}
	}
	return 1, true
}
