package tools

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/voicedock/voicedock-mcp/client"
	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

func TestSIPTrunkTools(t *testing.T) {
	runSandboxCalls(t, []sandboxCall{
		{name: "list", tool: "list_sip_trunks",
			wantText: []string{`"name":"Office PBX"`, `"address":"sip.acme-dental.example"`, `"transport":"tls"`,
				`"total":1`, `"has_more":false`}},
		{name: "list bad offset", tool: "list_sip_trunks", args: map[string]any{"offset": -1}, wantError: true,
			wantText: []string{"offset: must be at least 0"}},
		{name: "get", tool: "get_sip_trunk", args: map[string]any{"sip_trunk_id": sandbox.TrunkID},
			wantText: []string{`"trunk":{`, `"name":"Office PBX"`, `"auth_username":"acme"`}},
		{name: "get unknown", tool: "get_sip_trunk", args: map[string]any{"sip_trunk_id": absentUUID},
			wantError: true, wantText: []string{"not found", "list_sip_trunks lists the valid ones"}},
		{name: "create", tool: "create_sip_trunk",
			args: map[string]any{"name": "Carrier", "provider": "generic", "address": "sip.carrier.example",
				"auth_username": "acme2", "auth_password": "s3cret-pw"},
			wantText: []string{`"name":"Carrier"`, `"address":"sip.carrier.example"`, `"transport":"udp"`,
				`"auth_username":"acme2"`},
			notText: []string{"s3cret-pw", "password"},
			after: func(t *testing.T, c *client.Client, log *sentLog, out map[string]any) {
				sent := log.last(t, http.MethodPost, "/sip-trunks").body
				assert.Equal(t, "s3cret-pw", sent["auth_password"])
				assert.NotContains(t, sent, "transport", "the default is the API's, not sent")
				id := out["trunk"].(map[string]any)["id"].(string)
				got := mustCall(t, c, "get_sip_trunk", map[string]any{"sip_trunk_id": id})
				assert.Equal(t, "Carrier", got["trunk"].(map[string]any)["name"])
				assert.EqualValues(t, 2, mustCall(t, c, "list_sip_trunks", nil)["total"])
			}},
		{name: "create with tls", tool: "create_sip_trunk",
			args:     map[string]any{"name": "Secure", "provider": "generic", "address": "pbx.example", "transport": "tls"},
			wantText: []string{`"transport":"tls"`}},
		{name: "create bad transport", tool: "create_sip_trunk",
			args:      map[string]any{"name": "x", "provider": "generic", "address": "pbx.example", "transport": "wss"},
			wantError: true, wantText: []string{`transport: "wss" is not one of udp, tcp, tls`}},
		{name: "create without address", tool: "create_sip_trunk",
			args: map[string]any{"name": "x", "provider": "generic"}, wantError: true,
			wantText: []string{"address: is required"}},
		{name: "delete", tool: "delete_sip_trunk", args: map[string]any{"sip_trunk_id": sandbox.TrunkID},
			wantText: []string{`"success":true`, `"deleted":"` + sandbox.TrunkID},
			after: func(t *testing.T, c *client.Client, _ *sentLog, _ map[string]any) {
				res := callTool(t, findTool(t, c, "get_sip_trunk"), map[string]any{"sip_trunk_id": sandbox.TrunkID})
				assert.True(t, res.IsError)
				assert.EqualValues(t, 0, mustCall(t, c, "list_sip_trunks", nil)["total"])
			}},
		{name: "delete unknown", tool: "delete_sip_trunk", args: map[string]any{"sip_trunk_id": absentUUID},
			wantError: true, wantText: []string{"list_sip_trunks lists the valid ones"}},
	})
}

func TestSIPTrunkViewReadsGuideFields(t *testing.T) {
	got := sipTrunkView(map[string]any{"id": "t1", "name": "PBX", "host": "pbx.example", "port": 5060.0,
		"username": "u", "password": "p"})
	assert.Equal(t, map[string]any{"id": "t1", "name": "PBX", "address": "pbx.example", "port": 5060.0,
		"auth_username": "u"}, got)
}
