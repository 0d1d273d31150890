package tools

import (
	"fmt"
	"slices"
	"strings"
)

// MarkdownTable renders the README's tool table from all: each tool's
// toolset, the API operation it calls, what it does to the world, and
// whether its toolset is on by default.
func MarkdownTable(all []Tool) string {
	var b strings.Builder
	b.WriteString("| Tool | Toolset | API operation | Effect | On by default |\n")
	b.WriteString("|---|---|---|---|---|\n")
	for _, t := range all {
		on := "no"
		if slices.Contains(DefaultToolsets, t.Toolset) {
			on = "yes"
		}
		fmt.Fprintf(&b, "| `%s` | %s | `%s` | %s | %s |\n", t.Tool.Name, t.Toolset, t.Operation, t.Effect, on)
	}
	return b.String()
}
