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

// Toolsets lists every toolset in the order tools/list shows them.
var Toolsets = []string{
	AccountSet, AssistantsSet, CallsSet, NumbersSet, SIPTrunksSet, VoicesSet, BYOKSet,
	TemplatesSet, CampaignsSet, WorkflowsSet, MCPServersSet, DomainsSet, LegacySet,
}

// DefaultToolsets are on when no toolset is chosen.
var DefaultToolsets = []string{AccountSet, AssistantsSet, CallsSet, NumbersSet}

// AllToolsets is the toolset name that means every toolset but legacy,
// which is only on when named.
const AllToolsets = "all"

// All returns every tool, grouped by toolset in the order of Toolsets.
func All(c *client.Client) []Tool {
	all := []Tool{getAccountInformation(c)}
	for _, op := range operations {
		all = append(all, op.build(c))
	}
	slices.SortStableFunc(all, func(a, b Tool) int {
		return slices.Index(Toolsets, a.Toolset) - slices.Index(Toolsets, b.Toolset)
	})
	return all
}

// operations are the tools declared as API operations, in the order each
// toolset shows them.
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
	sets, err := expandToolsets(sel.Toolsets)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(all))
	for i, t := range all {
		names[i] = t.Tool.Name
	}
	for _, n := range slices.Concat(sel.Tools, sel.Exclude) {
		if !slices.Contains(names, n) {
			return nil, fmt.Errorf("unknown tool %q; `voicedock-mcp tools list --toolsets all,legacy` "+
				"shows every tool", n)
		}
	}
	var out []server.ServerTool
	for _, t := range all {
		chosen := slices.Contains(sets, t.Toolset) || slices.Contains(sel.Tools, t.Tool.Name)
		if chosen && !slices.Contains(sel.Exclude, t.Tool.Name) && (!sel.ReadOnly || t.Effect == Read) {
			out = append(out, t.ServerTool)
		}
	}
	return out, nil
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
