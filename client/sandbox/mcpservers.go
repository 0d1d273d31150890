package sandbox

import (
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/voicedock/voicedock-mcp/client/catalog"
)

// mcpServer is a customer-hosted MCP server. Header values are write-only;
// only their names are shown.
type mcpServer struct {
	id, name, url, transport string
	headers                  map[string]string
	timeout                  int
	created, updated         time.Time
}

func viewMCPServer(m *mcpServer) map[string]any {
	names := make([]string, 0, len(m.headers))
	for k := range m.headers {
		names = append(names, k)
	}
	slices.Sort(names)
	return map[string]any{
		"id": m.id, "name": m.name, "url": m.url, "transport": m.transport, "header_names": names,
		"timeout_seconds": m.timeout, "created_at": stamp(m.created), "updated_at": stamp(m.updated),
	}
}

func (s *Server) listMCPServers(c *req) (answer, *failure) {
	return ok(wrap("mcp_servers", views(c.org.mcpServers.all(), viewMCPServer))), nil
}

func (s *Server) getMCPServer(c *req) (answer, *failure) {
	m, fail := c.org.mcpServer(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	return ok(wrap("mcp_server", viewMCPServer(m))), nil
}

func (s *Server) createMCPServer(c *req) (answer, *failure) {
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	m := &mcpServer{id: s.ids.uuid(), transport: catalog.MCPTransports[0], timeout: 20,
		headers: map[string]string{}, created: c.now, updated: c.now}
	if err := c.org.readMCPServer(b, m, true); err != nil {
		return answer{}, err
	}
	c.org.mcpServers.add(m.id, m)
	return created(wrap("mcp_server", viewMCPServer(m))), nil
}

func (s *Server) patchMCPServer(c *req) (answer, *failure) {
	m, fail := c.org.mcpServer(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	next := *m
	if err := c.org.readMCPServer(b, &next, false); err != nil {
		return answer{}, err
	}
	if hostOf(next.url) != hostOf(m.url) && !b.has("headers") {
		return answer{}, badRequest("headers", "headers must be sent again when url moves to another host")
	}
	next.updated = c.now
	*m = next
	return ok(wrap("mcp_server", viewMCPServer(m))), nil
}

// readMCPServer applies the fields of b to m; on create name and url are
// required. Names are unique within the organization.
func (org *Organization) readMCPServer(b *obj, m *mcpServer, create bool) *failure {
	if create || b.has("name") {
		m.name = b.str("name", true)
	}
	if create || b.has("url") {
		m.url = normalURL(b, b.str("url", true))
	}
	if t := b.enum("transport", false, catalog.MCPTransports); t != "" {
		m.transport = t
	}
	if t, given := b.integer("timeout_seconds", false, 5, 60); given {
		m.timeout = t
	}
	if b.has("headers") {
		m.headers = b.stringMap("headers")
		if len(m.headers) > 10 {
			b.invalid("headers", "may hold at most 10 entries")
		}
	}
	if err := b.err(); err != nil {
		return err
	}
	for _, other := range org.mcpServers.all() {
		if other.id != m.id && other.name == m.name {
			return conflict("An MCP server named %q already exists", m.name)
		}
	}
	return nil
}

// normalURL checks that raw is an https URL and returns it normalised:
// lower-case host, no trailing slash.
func normalURL(b *obj, raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		b.invalid("url", "must be an https:// URL, got %q", raw)
		return ""
	}
	if u.User != nil {
		b.invalid("url", "must not hold credentials; put them in headers")
	}
	u.Host = strings.ToLower(u.Host)
	return strings.TrimSuffix(u.String(), "/")
}

func hostOf(raw string) string {
	u, _ := url.Parse(raw) // stored URLs were parsed before
	return u.Hostname()
}

// deleteMCPServer refuses while an assistant's tools still use the
// server.
func (s *Server) deleteMCPServer(c *req) (answer, *failure) {
	m, fail := c.org.mcpServer(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	for _, a := range c.org.assistants.all() {
		if usesMCPServer(a, m.id) {
			return answer{}, conflict("MCP server %q is still used by assistant %q (%s); remove it from llm_config.tools first",
				m.name, a.str("name"), a.id)
		}
	}
	c.org.mcpServers.remove(m.id)
	return deleted(), nil
}

// testMCPServer pretends to connect: servers on hosts ending in .example
// answer with two tools, all others are unreachable. The sandbox never
// connects anywhere.
func (s *Server) testMCPServer(c *req) (answer, *failure) {
	m, fail := c.org.mcpServer(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	b.stringMap("headers")
	if err := b.err(); err != nil {
		return answer{}, err
	}
	host := hostOf(m.url)
	if !strings.HasSuffix(host, ".example") {
		return ok(map[string]any{"ok": false, "duration_ms": m.timeout * 1000,
			"error": "getaddrinfo ENOTFOUND " + host}), nil
	}
	phone := map[string]any{"type": "object", "properties": map[string]any{"phone": map[string]any{"type": "string"}},
		"required": []any{"phone"}}
	return ok(map[string]any{"ok": true, "duration_ms": 412, "tools": []any{
		map[string]any{"name": "lookup_customer", "description": "Find a customer by phone number", "input_schema": phone},
		map[string]any{"name": "create_ticket", "description": nil, "input_schema": map[string]any{"type": "object",
			"properties": map[string]any{"subject": map[string]any{"type": "string"}, "body": map[string]any{"type": "string"}}}},
	}}), nil
}

func (org *Organization) mcpServer(id string) (*mcpServer, *failure) {
	if m, found := org.mcpServers.get(id); found {
		return m, nil
	}
	return nil, notFound("MCP server")
}
