package sandbox

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWorkflowValidationDetails(t *testing.T) {
	a := newAPI(t)

	r := a.do("POST", "/workflows", `{"name":"Kaputt","definition":{"version":2,"entry_node":"end_it",
		"nodes":[{"id":"Start","type":"conversation"},
			{"id":"end_it","type":"end"},
			{"id":"lookup","type":"tool"},
			{"id":"hand_off","type":"transfer","destination":"reception"},
			{"id":"faq","type":"conversation","instructions":"Answer","global":true,"voice":"ara","tts_config":{}},
			{"id":"faq","type":"menu"}],
		"edges":[{"from":"faq","to":"faq","description":"again"},{"from":"end_it","to":"faq","description":"x"},
			{"from":"faq","to":"nowhere"},{"from":"faq","to":"end_it","description":"a"},{"from":"faq","to":"end_it","description":"b"}]}}`)

	require.Equal(t, 400, r.status, r.raw)
	assert.Equal(t, "invalid_request", r.body["code"])
	var details []string
	for _, d := range r.list("details") {
		details = append(details, d.(string))
	}
	assert.Equal(t, []string{
		"version must be 1",
		`nodes[0].id "Start" must match ^[a-z][a-z0-9_]*$ and be at most 41 characters`,
		"nodes[0].instructions is required on a conversation node",
		"nodes[2].tool_name is required on a tool node",
		"nodes[3].destination must be an E.164 phone number like +31612345678",
		"nodes[4].global_description is required when global is true",
		"nodes[4]: voice and tts_config are mutually exclusive",
		`nodes[5].id "faq" is used by another node`,
		`nodes[5].type must be one of conversation, tool, transfer, end, got "menu"`,
		`entry_node "end_it" must name a conversation node`,
		`edges[0]: a node may not lead to itself ("faq")`,
		"edges[1]: end nodes have no outgoing edges",
		`edges[2].to "nowhere" names no node`,
		"edges[2].description is required",
		`edges[4]: duplicate edge from "faq" to "end_it"`,
		`tool node "lookup" must have exactly one outgoing edge, has 0`,
	}, details)
}

func TestWorkflowLifecycle(t *testing.T) {
	a := newAPI(t)

	inUse := a.do("DELETE", "/workflows/"+WorkflowID, "")
	a.do("PATCH", "/numbers/"+GermanNumberID, `{"workflow_id":null}`)
	paused := a.do("PATCH", "/workflows/"+WorkflowID, `{"is_active":false}`)
	badPatch := a.do("PATCH", "/workflows/"+WorkflowID, `{"definition":{"version":1,"nodes":[]}}`)
	gone := a.do("DELETE", "/workflows/"+WorkflowID, "")

	assert.Equal(t, 409, inUse.status)
	assert.Contains(t, inUse.body["message"], "workflow_id null")
	assertSubset(t, `{"workflow":{"is_active":false,"definition":{"entry_node":"reception"}}}`, paused.body)
	assert.Equal(t, 400, badPatch.status)
	assert.Equal(t, 200, gone.status)
	assert.Empty(t, a.do("GET", "/workflows", "").list("workflows"))
}

func TestDomainLifecycle(t *testing.T) {
	a := newAPI(t)

	first := a.do("POST", "/domains", `{"domain":"mail.acme-dental.example"}`)
	second := a.do("POST", "/domains", `{"domain_name":"news.acme-dental.example"}`)
	verified := a.do("POST", "/domains/verify", "")
	refreshed := a.do("POST", "/domains/refresh", "")
	deleted := a.do("DELETE", "/domains", "")
	none := a.do("GET", "/domains", "")

	assert.Equal(t, 201, first.status, first.raw)
	assert.Len(t, first.obj("domain")["records"], 3)
	assert.Equal(t, 409, second.status)
	assertSubset(t, `{"domain":{"status":"verified","verified_at":"2026-12-04T09:00:00.000Z"}}`, verified.body)
	assertSubset(t, `{"domain":{"status":"verified"}}`, refreshed.body)
	assert.Equal(t, 200, deleted.status)
	assert.Equal(t, map[string]any{"domain": nil}, none.body)
}

func TestDomainSyncNeedsResend(t *testing.T) {
	a := newAPI(t)

	without := a.do("POST", "/domains/sync", `{"resendDomainId":"x"}`)
	a.do("POST", "/byok", `{"provider":"resend","api_key":"re_sandbox"}`)
	listed := a.do("GET", "/domains/sync", "")
	id := str(listed.list("domains")[0].(map[string]any), "id")
	unknown := a.do("POST", "/domains/sync", `{"resendDomainId":"rd_nope"}`)
	synced := a.do("POST", "/domains/sync", `{"resendDomainId":"`+id+`"}`)
	after := a.do("GET", "/domains/sync", "")

	assert.Equal(t, 400, without.status)
	assert.Equal(t, 200, listed.status)
	assert.Nil(t, listed.body["selected_domain_id"])
	assert.Equal(t, 404, unknown.status)
	assertSubset(t, `{"domain":{"domain_name":"mail.acme-dental.example","status":"verified"},
		"message":"Domain synced successfully from Resend"}`, synced.body)
	assert.Equal(t, id, after.body["selected_domain_id"])
}

func TestMCPServerLifecycle(t *testing.T) {
	a := newAPI(t)

	created := a.do("POST", "/mcp-servers", `{"name":"Intern","url":"https://mcp.internal.corp/mcp","transport":"sse",
		"headers":{"Authorization":"Bearer geheim"}}`)
	id := str(created.obj("mcp_server"), "id")
	test := a.do("POST", "/mcp-servers/"+id+"/test", "")
	renamed := a.do("PATCH", "/mcp-servers/"+id, `{"name":"CRM tools"}`)
	a.do("PATCH", "/assistants/"+FrontDeskAssistantID, `{"llm_config":{"provider":"openai"}}`)
	freed := a.do("DELETE", "/mcp-servers/"+MCPServerID, "")

	require.Equal(t, 201, created.status, created.raw)
	assertSubset(t, `{"mcp_server":{"transport":"sse"}}`, created.body)
	assert.Equal(t, []any{"Authorization"}, created.obj("mcp_server")["header_names"])
	assert.NotContains(t, created.raw, "geheim")
	assertSubset(t, `{"ok":false,"error":"getaddrinfo ENOTFOUND mcp.internal.corp"}`, test.body)
	assert.Equal(t, 409, renamed.status)
	assert.Equal(t, 200, freed.status, "no assistant uses it any more")
}

func TestAliasRoundTrips(t *testing.T) {
	a := newAPI(t)

	agent := a.do("POST", "/agents", `{"name":"Alias"}`)
	id := str(agent.obj("assistant"), "id")
	viaAssistants := a.do("GET", "/assistants/"+id, "")
	listed := a.do("GET", "/agents", "")
	number := a.do("POST", "/numbers", `{"number":"+4940123456","agent_id":"`+id+`"}`)
	a.do("DELETE", "/agents/"+id, "")
	detached := a.do("GET", "/numbers/"+str(number.obj("number"), "id"), "")

	assert.Equal(t, 201, agent.status)
	assert.Equal(t, "Alias", viaAssistants.obj("assistant")["name"])
	assert.Len(t, listed.list("assistants"), 5, "same wrapper on the alias")
	assertSubset(t, `{"number":{"agent_id":null,"assistant_id":null}}`, detached.body)
}

func TestToolTemplateTypeChange(t *testing.T) {
	a := newAPI(t)
	path := "/tool-templates/4a3b0f21-6c7d-4e8f-9a01-223344556677" // Hang up, end_call with {}

	withoutConfig := a.do("PATCH", path, `{"tool_type":"transferCall"}`)
	withConfig := a.do("PATCH", path, `{"tool_type":"transferCall","tool_config":{"destinations":[
		{"type":"number","number":"+31850001299","description":"Reception"}]}}`)

	assert.Equal(t, 400, withoutConfig.status, "the stored {} has no destinations")
	assert.Equal(t, "tool_config.destinations", withoutConfig.body["param"])
	assertSubset(t, `{"tool_template":{"tool_type":"transfer_call"}}`, withConfig.body)
}

func TestAnalysisTemplatePaging(t *testing.T) {
	a := newAPI(t)

	page := a.do("GET", "/analysis-templates?limit=1&offset=1", "")

	require.Len(t, page.list("analysis_templates"), 1)
	assert.Equal(t, "Appointment outcome", page.list("analysis_templates")[0].(map[string]any)["name"])
}

func TestBYOKNeverEchoesKey(t *testing.T) {
	a := newAPI(t)

	added := a.do("POST", "/byok", `{"provider":"google_vertex","api_key":"{\"private_key\":\"sandbox-pk\"}"}`)
	listed := a.do("GET", "/byok", "")

	assert.NotContains(t, added.raw+listed.raw, "sandbox-pk")
	assert.NotNil(t, listed.obj("byok_keys")["google_vertex_secret_id"])
	assert.Nil(t, listed.obj("byok_keys")["openai_secret_id"])
}
