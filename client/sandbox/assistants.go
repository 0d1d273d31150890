package sandbox

import "maps"

// Assistants, also served under the deprecated /agents alias with the same
// handlers and wrappers.

func (s *Server) listAssistants(c *req) (answer, *failure) {
	return ok(wrap("assistants", views(c.org.assistants.all(), (*doc).view))), nil
}

func (s *Server) getAssistant(c *req) (answer, *failure) {
	a, fail := c.org.assistant(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	return ok(wrap("assistant", a.view())), nil
}

func (s *Server) createAssistant(c *req) (answer, *failure) {
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	fields := c.org.readAssistant(b, true)
	if err := b.err(); err != nil {
		return answer{}, err
	}
	fields = completeAssistant(fields)
	if err := checkRealtime(fields, ""); err != nil {
		return answer{}, err
	}
	a := newDoc(s.ids.uuid(), fields, c.now)
	c.org.assistants.add(a.id, a)
	return created(wrap("assistant", a.view())), nil
}

// patchAssistant changes only the fields given; a config block given
// replaces the stored one.
func (s *Server) patchAssistant(c *req) (answer, *failure) {
	a, fail := c.org.assistant(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	fields := c.org.readAssistant(b, false)
	if err := b.err(); err != nil {
		return answer{}, err
	}
	merged := maps.Clone(a.fields)
	maps.Copy(merged, fields)
	if err := checkRealtime(merged, ""); err != nil {
		return answer{}, err
	}
	a.patch(fields, c.now)
	return ok(wrap("assistant", a.view())), nil
}

// deleteAssistant removes the assistant and detaches it from numbers.
func (s *Server) deleteAssistant(c *req) (answer, *failure) {
	a, fail := c.org.assistant(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	c.org.assistants.remove(a.id)
	for _, n := range c.org.numbers.all() {
		if n.agentID == a.id {
			n.agentID = ""
		}
	}
	return deleted(), nil
}

func (org *Organization) assistant(id string) (*doc, *failure) {
	if a, found := org.assistants.get(id); found {
		return a, nil
	}
	return nil, notFound("Assistant")
}

// usesMCPServer reports whether an assistant's tools reference the MCP
// server id.
func usesMCPServer(a *doc, id string) bool {
	llm, _ := a.fields["llm_config"].(map[string]any)
	tools, _ := llm["tools"].([]any)
	for _, t := range tools {
		if tool, _ := t.(map[string]any); tool["type"] == "mcp" && tool["mcp_server_id"] == id {
			return true
		}
	}
	return false
}
