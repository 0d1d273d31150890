package sandbox

import (
	"github.com/voicedock/voicedock-mcp/client/catalog"
)

// Tool templates: tool_type function, end_call or transfer_call (the
// camelCase spellings are accepted and stored snake_case), with a
// tool_config checked per type.

func (s *Server) listToolTemplates(c *req) (answer, *failure) {
	return ok(wrap("tool_templates", views(c.org.toolTemplates.all(), c.org.viewTemplate))), nil
}

func (s *Server) getToolTemplate(c *req) (answer, *failure) {
	t, fail := c.org.toolTemplate(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	return ok(wrap("tool_template", c.org.viewTemplate(t))), nil
}

func (s *Server) createToolTemplate(c *req) (answer, *failure) {
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	fields := readToolTemplate(b, nil)
	if err := b.err(); err != nil {
		return answer{}, err
	}
	t := newDoc(s.ids.uuid(), fields, c.now)
	c.org.toolTemplates.add(t.id, t)
	return created(wrap("tool_template", c.org.viewTemplate(t))), nil
}

// patchToolTemplate changes the fields given; tool_config replaces the
// stored config and is checked against the resulting tool_type.
func (s *Server) patchToolTemplate(c *req) (answer, *failure) {
	t, fail := c.org.toolTemplate(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	fields := readToolTemplate(b, t.fields)
	if err := b.err(); err != nil {
		return answer{}, err
	}
	t.patch(fields, c.now)
	return ok(wrap("tool_template", c.org.viewTemplate(t))), nil
}

// readToolTemplate checks a create (stored == nil) or patch body.
func readToolTemplate(b *obj, stored map[string]any) map[string]any {
	create := stored == nil
	if create || b.has("name") {
		b.str("name", true)
	}
	b.str("description", false)
	if typ, _ := b.m["tool_type"].(string); catalog.ToolTypeAliases[typ] != "" {
		b.m["tool_type"] = catalog.ToolTypeAliases[typ]
	}
	typ, _ := stored["tool_type"].(string)
	if create || b.has("tool_type") {
		typ = b.enum("tool_type", true, catalog.ToolTemplateTypes)
	}
	cfg := b.object("tool_config", create)
	if cfg == nil && b.has("tool_type") && !create {
		cfg = &obj{m: asMap(stored["tool_config"]), path: "tool_config.", check: b.check}
	}
	checkToolConfig(cfg, typ)
	out := pick(b, "name", "description", "tool_type", "tool_config")
	if create && !b.has("description") {
		out["description"] = nil
	}
	return out
}

// checkToolConfig checks a tool_config for its tool_type.
func checkToolConfig(cfg *obj, toolType string) {
	if cfg == nil {
		return
	}
	switch toolType {
	case "function":
		cfg.pattern("name", false, toolName, "a tool name (letter or _ first, then letters, digits, _ or -, at most 64)")
		cfg.str("description", false)
		cfg.object("parameters", false)
		cfg.str("url", false)
		cfg.boolean("async")
	case "transfer_call":
		checkDestinations(cfg)
	}
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func (s *Server) deleteToolTemplate(c *req) (answer, *failure) {
	t, fail := c.org.toolTemplate(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	c.org.toolTemplates.remove(t.id)
	return deleted(), nil
}

func (org *Organization) toolTemplate(id string) (*doc, *failure) {
	if t, found := org.toolTemplates.get(id); found {
		return t, nil
	}
	return nil, notFound("Tool template")
}

// viewTemplate renders a tool or analysis template with its org_id.
func (org *Organization) viewTemplate(t *doc) map[string]any {
	v := t.view()
	v["org_id"] = org.ID
	return v
}
