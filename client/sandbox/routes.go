package sandbox

import "net/http"

// route is one endpoint: method and path below BasePath (or below the
// server root for root routes), and its handler. Handlers run with the
// sandbox's lock held and must not block.
type route struct {
	method string
	path   string
	public bool // no key needed
	root   bool // path is at the server root, as the web-calls host's is
	handle func(*req) (answer, *failure)
}

func (rt route) pattern() string {
	if rt.root {
		return rt.method + " " + rt.path
	}
	return rt.method + " " + BasePath + rt.path
}

// WebCallsPath is where POST /v1/web-calls lives: at the server root, as
// on the real web-calls host, not under BasePath.
const WebCallsPath = "/v1/web-calls"

// routes is the table of simulated endpoints.
func (s *Server) routes() []route {
	return []route{
		{method: http.MethodGet, path: "/health", public: true, handle: s.health},
		{method: http.MethodGet, path: "/account", handle: s.getAccount},
		{method: http.MethodGet, path: "/organizations", handle: s.getOrganizations},
		{method: http.MethodPost, path: "/organizations", handle: s.createOrganization},
		{method: http.MethodPatch, path: "/organizations", handle: s.patchOrganization},
		{method: http.MethodGet, path: "/usage", handle: s.listUsage},

		{method: http.MethodGet, path: "/assistants", handle: s.listAssistants},
		{method: http.MethodPost, path: "/assistants", handle: s.createAssistant},
		{method: http.MethodGet, path: "/assistants/{id}", handle: s.getAssistant},
		{method: http.MethodPatch, path: "/assistants/{id}", handle: s.patchAssistant},
		{method: http.MethodDelete, path: "/assistants/{id}", handle: s.deleteAssistant},
		{method: http.MethodGet, path: "/agents", handle: s.listAssistants},
		{method: http.MethodPost, path: "/agents", handle: s.createAssistant},
		{method: http.MethodGet, path: "/agents/{id}", handle: s.getAssistant},
		{method: http.MethodPatch, path: "/agents/{id}", handle: s.patchAssistant},
		{method: http.MethodDelete, path: "/agents/{id}", handle: s.deleteAssistant},

		{method: http.MethodGet, path: "/calls", handle: s.listCalls},
		{method: http.MethodGet, path: "/calls/{id}", handle: s.getCall},
		{method: http.MethodPost, path: "/calls/outbound", handle: s.placeOutbound},
		{method: http.MethodPost, path: "/calls/{id}/control", handle: s.controlCall},
		{method: http.MethodPost, path: WebCallsPath, root: true, handle: s.createWebCall},

		{method: http.MethodGet, path: "/numbers", handle: s.listNumbers},
		{method: http.MethodPost, path: "/numbers", handle: s.createNumber},
		{method: http.MethodGet, path: "/numbers/{id}", handle: s.getNumber},
		{method: http.MethodPatch, path: "/numbers/{id}", handle: s.patchNumber},
		{method: http.MethodDelete, path: "/numbers/{id}", handle: s.deleteNumber},

		{method: http.MethodGet, path: "/sip-trunks", handle: s.listTrunks},
		{method: http.MethodPost, path: "/sip-trunks", handle: s.createTrunk},
		{method: http.MethodGet, path: "/sip-trunks/{id}", handle: s.getTrunk},
		{method: http.MethodDelete, path: "/sip-trunks/{id}", handle: s.deleteTrunk},

		{method: http.MethodGet, path: "/voices", handle: s.listVoices},

		{method: http.MethodGet, path: "/byok", handle: s.getBYOK},
		{method: http.MethodPost, path: "/byok", handle: s.addBYOK},
		{method: http.MethodDelete, path: "/byok", handle: s.deleteBYOK},
		{method: http.MethodPost, path: "/byok/config", handle: s.setBYOKConfig},
		{method: http.MethodGet, path: "/byok/config", handle: s.byokCatalog},

		{method: http.MethodGet, path: "/tool-templates", handle: s.listToolTemplates},
		{method: http.MethodPost, path: "/tool-templates", handle: s.createToolTemplate},
		{method: http.MethodGet, path: "/tool-templates/{id}", handle: s.getToolTemplate},
		{method: http.MethodPatch, path: "/tool-templates/{id}", handle: s.patchToolTemplate},
		{method: http.MethodDelete, path: "/tool-templates/{id}", handle: s.deleteToolTemplate},

		{method: http.MethodGet, path: "/analysis-templates", handle: s.listAnalysisTemplates},
		{method: http.MethodPost, path: "/analysis-templates", handle: s.createAnalysisTemplate},
		{method: http.MethodGet, path: "/analysis-templates/{id}", handle: s.getAnalysisTemplate},
		{method: http.MethodPatch, path: "/analysis-templates/{id}", handle: s.patchAnalysisTemplate},
		{method: http.MethodDelete, path: "/analysis-templates/{id}", handle: s.deleteAnalysisTemplate},

		{method: http.MethodGet, path: "/campaigns", handle: s.listCampaigns},
		{method: http.MethodPost, path: "/campaigns", handle: s.createCampaign},
		{method: http.MethodGet, path: "/campaigns/{id}", handle: s.getCampaign},
		{method: http.MethodPatch, path: "/campaigns/{id}", handle: s.patchCampaign},
		{method: http.MethodDelete, path: "/campaigns/{id}", handle: s.deleteCampaign},
		{method: http.MethodGet, path: "/campaigns/{id}/leads", handle: s.listLeads},
		{method: http.MethodPost, path: "/campaigns/{id}/leads", handle: s.addLead},
		{method: http.MethodDelete, path: "/campaigns/{id}/leads/{leadId}", handle: s.deleteLead},

		{method: http.MethodGet, path: "/domains", handle: s.getDomain},
		{method: http.MethodPost, path: "/domains", handle: s.createDomain},
		{method: http.MethodDelete, path: "/domains", handle: s.deleteDomain},
		{method: http.MethodGet, path: "/domains/sync", handle: s.listResendDomains},
		{method: http.MethodPost, path: "/domains/sync", handle: s.syncDomain},
		{method: http.MethodPost, path: "/domains/verify", handle: s.verifyDomain},
		{method: http.MethodPost, path: "/domains/refresh", handle: s.verifyDomain},

		{method: http.MethodGet, path: "/mcp-servers", handle: s.listMCPServers},
		{method: http.MethodPost, path: "/mcp-servers", handle: s.createMCPServer},
		{method: http.MethodGet, path: "/mcp-servers/{id}", handle: s.getMCPServer},
		{method: http.MethodPatch, path: "/mcp-servers/{id}", handle: s.patchMCPServer},
		{method: http.MethodDelete, path: "/mcp-servers/{id}", handle: s.deleteMCPServer},
		{method: http.MethodPost, path: "/mcp-servers/{id}/test", handle: s.testMCPServer},

		{method: http.MethodGet, path: "/workflows", handle: s.listWorkflows},
		{method: http.MethodPost, path: "/workflows", handle: s.createWorkflow},
		{method: http.MethodGet, path: "/workflows/{id}", handle: s.getWorkflow},
		{method: http.MethodPatch, path: "/workflows/{id}", handle: s.patchWorkflow},
		{method: http.MethodDelete, path: "/workflows/{id}", handle: s.deleteWorkflow},

		{method: http.MethodGet, path: "/chats", handle: s.listChats},
		{method: http.MethodPost, path: "/chats", handle: s.createChat},
		{method: http.MethodGet, path: "/chats/context", handle: s.chatContext},
		{method: http.MethodDelete, path: "/chats/{id}", handle: s.deleteChat},
	}
}

func (s *Server) health(c *req) (answer, *failure) {
	return ok(map[string]any{
		"status": "ok", "timestamp": stamp(c.now),
		"version": "1.0.0", "checks": map[string]any{"database": map[string]any{"status": "ok", "latency_ms": 3}},
	}), nil
}
