package tools

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

func TestAccountTools(t *testing.T) {
	runToolsetCases(t, []toolsetCase{
		{name: "health", steps: []toolStep{
			{tool: "check_api_health", want: []string{`"status":"ok"`, "database"}},
		}},
		{name: "retention", steps: []toolStep{
			{tool: "update_data_retention", args: map[string]any{"content_retention_days": 90,
				"metadata_retention_days": "365"}, want: []string{"90", "365"}},
			{tool: "update_data_retention", args: map[string]any{"content_retention_days": 365,
				"metadata_retention_days": 90}, wantError: true,
				want: []string{"content_retention_days (365) may not exceed metadata_retention_days (90)"}},
			{tool: "update_data_retention", args: map[string]any{"content_retention_days": 60,
				"metadata_retention_days": 90}, wantError: true,
				want: []string{"content_retention_days: 60 is not one of 30, 90, 180 or 365"}},
			{tool: "update_data_retention", args: map[string]any{"content_retention_days": 30}, wantError: true,
				want: []string{"metadata_retention_days: is required"}},
		}},
		{name: "usage pages with a summary", steps: []toolStep{
			{tool: "get_usage", args: map[string]any{"limit": 3},
				want: []string{`"count":3`, `"has_more":true`, `"next_offset":3`, "summary", "total_calls"}},
			{tool: "get_usage", args: map[string]any{"limit": 0}, wantError: true,
				want: []string{"limit: must be at least 1, got 0"}},
		}},
	})
}

func TestCreateOrganizationGivesAWorkingKey(t *testing.T) {
	sb := sandbox.New(sandbox.Options{})
	c := newSandboxClient(t, sb, sandbox.DemoKey, nil)
	res := callTool(t, findTool(t, c, "create_organization"), map[string]any{"name": "Praxis Ødegård"})
	require.False(t, res.IsError, resultText(t, res))
	created := structured(t, resultText(t, res))
	assert.Equal(t, "Praxis Ødegård", created["name"])
	key, _ := created["api_key"].(string)
	require.NotEmpty(t, key, "the new organization's key is shown once")

	child := newSandboxClient(t, sb, key, nil)
	res = callTool(t, findTool(t, child, "get_account_information"), map[string]any{})
	require.False(t, res.IsError, resultText(t, res))
	assert.Contains(t, resultText(t, res), "Praxis Ødegård")
}
