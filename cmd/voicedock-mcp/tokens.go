package main

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/voicedock/voicedock-mcp/tools"
)

// bytesPerToken is the rule of thumb used to estimate tokens from the JSON
// of tools/list: about four bytes a token for English text and JSON with
// common tokenizers. It is an estimate, not any model's exact count.
const bytesPerToken = 4

// footprint is the size of a tools/list answer for some tools.
type footprint struct {
	tools, bytes int
}

func (f footprint) tokens() int { return (f.bytes + bytesPerToken - 1) / bytesPerToken }

// measure encodes tools as tools/list sends them.
func measure(list []server.ServerTool) footprint {
	defs := make([]mcp.Tool, len(list))
	for i, st := range list {
		defs[i] = st.Tool
	}
	raw, _ := json.Marshal(mcp.ListToolsResult{Tools: defs}) // tool definitions always encode
	return footprint{tools: len(list), bytes: len(raw)}
}

// printTokens prints the estimated token footprint of tools/list: for each
// toolset alone, for the default set, for everything, and for the current
// selection.
func (a *app) printTokens(stdout io.Writer) int {
	all := tools.All(a.api, a.safety())
	w := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "selection\ttools\tbytes\t~tokens\t")
	row := func(name string, sel tools.Selection) {
		list, err := tools.Select(all, sel)
		if err != nil {
			return // every name here comes from package tools
		}
		f := measure(list)
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t\n", name, f.tools, f.bytes, f.tokens())
	}
	for _, set := range tools.Toolsets {
		row(set, tools.Selection{Toolsets: []string{set}})
	}
	row("default", tools.Selection{})
	row("all", tools.Selection{Toolsets: []string{tools.AllToolsets}})
	row("all,legacy", tools.Selection{Toolsets: []string{tools.AllToolsets, tools.LegacySet}})
	row("this configuration", a.cfg.selection)
	_ = w.Flush()
	fmt.Fprintf(stdout, "\nTokens are estimated at %d bytes of tools/list JSON per token.\n", bytesPerToken)
	return exitOK
}
