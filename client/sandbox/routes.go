package sandbox

import (
	"net/http"
	"strings"
)

// route is one endpoint: method and path below BasePath, and its handler.
// Handlers run with the sandbox's lock held and must not block.
type route struct {
	method string
	path   string
	public bool // no key needed
	handle func(*call) (answer, *failure)
}

func (rt route) pattern() string { return rt.method + " " + BasePath + rt.path }

// routes is the table of simulated endpoints.
func (s *Server) routes() []route {
	return []route{
		{method: http.MethodGet, path: "/health", public: true, handle: s.health},
		{method: http.MethodGet, path: "/account", handle: s.getAccount},
		{method: http.MethodGet, path: "/organizations", handle: s.getOrganizations},
	}
}

func (s *Server) health(*call) (answer, *failure) {
	return ok(map[string]any{
		"status": "ok", "timestamp": s.opts.Now().UTC().Format("2006-01-02T15:04:05.000Z"),
		"version": "1.0.0", "checks": map[string]any{"database": map[string]any{"status": "ok", "latency_ms": 3}},
	}), nil
}

// getAccount answers the deprecated GET /account with the /organizations
// shape plus the company_name and email older guides show.
func (s *Server) getAccount(c *call) (answer, *failure) {
	body := c.org.view(false)
	body["company_name"] = c.org.Name
	body["email"] = c.org.Email
	return ok(body), nil
}

func (s *Server) getOrganizations(c *call) (answer, *failure) {
	withChildren := strings.EqualFold(c.r.URL.Query().Get("include_children"), "true")
	return ok(c.org.view(withChildren)), nil
}
