package tools

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mark3labs/mcp-go/server"

	"github.com/voicedock/voicedock-mcp/client"
)

// Toolsets, each a group of tools switched on together. Every tool is in
// exactly one.
const (
	AccountSet    = "account"
	AssistantsSet = "assistants"
	CallsSet      = "calls"
	NumbersSet    = "numbers"
	SIPTrunksSet  = "sip_trunks"
	VoicesSet     = "voices"
	BYOKSet       = "byok"
	TemplatesSet  = "templates"
	CampaignsSet  = "campaigns"
	WorkflowsSet  = "workflows"
	MCPServersSet = "mcp_servers"
	DomainsSet    = "domains"
	LegacySet     = "legacy"
)

// Toolsets lists every toolset, in the order All, the README table and
// `voicedock-mcp tools tokens` show them (tools/list sorts by name).
var Toolsets = []string{
	AccountSet, AssistantsSet, CallsSet, NumbersSet, SIPTrunksSet, VoicesSet, BYOKSet,
	TemplatesSet, CampaignsSet, WorkflowsSet, MCPServersSet, DomainsSet, LegacySet,
}

// DefaultToolsets are on when no toolset is chosen.
var DefaultToolsets = []string{AccountSet, AssistantsSet, CallsSet, NumbersSet}

// AllToolsets is the toolset name that means every toolset but legacy,
// which is only on when named.
const AllToolsets = "all"

// All returns every tool, grouped by toolset in the order of Toolsets,
// guarded as s says.
func All(c *client.Client, s Safety) []Tool {
	g := newGuard(c, s)
	all := make([]Tool, len(operations))
	for i, op := range operations {
		all[i] = op.build(c, g)
	}
	return all
}

// operations are every tool, grouped by toolset in the order of Toolsets
// and in the order each toolset shows them. Selection reads their name,
// toolset and effect before building, so a server builds only the tools it
// offers.
var operations = slices.Concat(
	accountOperations, assistantOperations, callOperations, numberOperations, sipTrunkOperations,
	voiceOperations, byokOperations, templateOperations, campaignOperations, workflowOperations,
	mcpServerOperations, domainOperations, legacyOperations,
)

// Selection chooses which tools a server offers.
type Selection struct {
	Toolsets []string // empty means DefaultToolsets; "all" means all but legacy
	Tools    []string // single tools added on top of the toolsets
	Exclude  []string // tools left out whatever else says
	ReadOnly bool     // leave out every tool that changes anything
}

// Select returns the tools sel chooses from all, in all's order.
// Exclusions and ReadOnly always win. Unknown toolset or tool names are an
// error that lists the valid ones.
func Select(all []Tool, sel Selection) ([]server.ServerTool, error) {
	keep, err := sel.chooser()
	if err != nil {
		return nil, err
	}
	var out []server.ServerTool
	for _, t := range all {
		if keep(t.Tool.Name, t.Toolset, t.Effect) {
			out = append(out, t.ServerTool)
		}
	}
	return out, nil
}

// Build returns the tools sel chooses, calling c and guarded as s says,
// building only those. Its errors are Select's. The tools share one guard:
// build once per server, so that every session counts against the same
// call policy.
func Build(c *client.Client, sel Selection, s Safety) ([]server.ServerTool, error) {
	keep, err := sel.chooser()
	if err != nil {
		return nil, err
	}
	g := newGuard(c, s)
	var out []server.ServerTool
	for _, op := range operations {
		if keep(op.name, op.toolset, op.effect) {
			out = append(out, op.build(c, g).ServerTool)
		}
	}
	return out, nil
}

// Check reports whether every name in sel is known, without building
// anything.
func (sel Selection) Check() error {
	_, err := sel.chooser()
	return err
}

// chooser checks sel's names and returns the rule deciding which tools it
// keeps.
func (sel Selection) chooser() (func(name, toolset string, effect Effect) bool, error) {
	sets, err := expandToolsets(sel.Toolsets)
	if err != nil {
		return nil, err
	}
	for _, n := range slices.Concat(sel.Tools, sel.Exclude) {
		if !slices.ContainsFunc(operations, func(op operation) bool { return op.name == n }) {
			return nil, fmt.Errorf("unknown tool %q; `voicedock-mcp tools list --toolsets all,legacy` "+
				"shows every tool", n)
		}
	}
	return func(name, toolset string, effect Effect) bool {
		chosen := slices.Contains(sets, toolset) || slices.Contains(sel.Tools, name)
		return chosen && !slices.Contains(sel.Exclude, name) && (!sel.ReadOnly || effect == Read)
	}, nil
}

func expandToolsets(names []string) ([]string, error) {
	if len(names) == 0 {
		return DefaultToolsets, nil
	}
	var sets []string
	for _, n := range names {
		switch {
		case n == AllToolsets:
			sets = append(sets, Toolsets[:len(Toolsets)-1]...)
		case slices.Contains(Toolsets, n):
			sets = append(sets, n)
		default:
			return nil, fmt.Errorf("unknown toolset %q; the toolsets are %s, or %s for all but %s",
				n, strings.Join(Toolsets, ", "), AllToolsets, LegacySet)
		}
	}
	return sets, nil
}

// ToolsetOf returns the toolset of the tool named name, if there is one.
func ToolsetOf(name string) (string, bool) {
	for _, op := range operations {
		if op.name == name {
			return op.toolset, true
		}
	}
	return "", false
}
