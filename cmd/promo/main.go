// Command promo judges social-media campaign entries offline.
package main

import (
	"os"

	"github.com/promo-cli/promo/pkg/commands"
)

func main() { os.Exit(commands.Main()) }
