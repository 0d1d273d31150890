package sandbox

// Analysis templates, served with the SDK's envelopes; the list honours
// the reference's limit (1–100, default 50) and offset.

func (s *Server) listAnalysisTemplates(c *req) (answer, *failure) {
	limit, offset, fail := paging(c, 50, 100)
	if fail != nil {
		return answer{}, fail
	}
	all := c.org.analysisTemplates.all()
	return ok(wrap("analysis_templates", views(pageOf(all, limit, offset), c.org.viewTemplate))), nil
}

func (s *Server) getAnalysisTemplate(c *req) (answer, *failure) {
	t, fail := c.org.analysisTemplate(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	return ok(wrap("analysis_template", c.org.viewTemplate(t))), nil
}

func (s *Server) createAnalysisTemplate(c *req) (answer, *failure) {
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	fields := readAnalysisTemplate(b, true)
	if err := b.err(); err != nil {
		return answer{}, err
	}
	if !b.has("description") {
		fields["description"] = nil
	}
	t := newDoc(s.ids.uuid(), fields, c.now)
	c.org.analysisTemplates.add(t.id, t)
	return created(wrap("analysis_template", c.org.viewTemplate(t))), nil
}

func (s *Server) patchAnalysisTemplate(c *req) (answer, *failure) {
	t, fail := c.org.analysisTemplate(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	fields := readAnalysisTemplate(b, false)
	if err := b.err(); err != nil {
		return answer{}, err
	}
	t.patch(fields, c.now)
	return ok(wrap("analysis_template", c.org.viewTemplate(t))), nil
}

// readAnalysisTemplate checks a body; on create every field but
// description is required, on patch the ones given must be valid.
func readAnalysisTemplate(b *obj, create bool) map[string]any {
	for _, k := range []string{"name", "system_prompt", "user_prompt"} {
		if create || b.has(k) {
			b.str(k, true)
		}
	}
	if create || b.has("schema") {
		b.object("schema", true)
	}
	b.str("description", false)
	return pick(b, "name", "description", "system_prompt", "user_prompt", "schema")
}

// deleteAnalysisTemplate removes the template; assistants keep their
// copied analysis plans.
func (s *Server) deleteAnalysisTemplate(c *req) (answer, *failure) {
	t, fail := c.org.analysisTemplate(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	c.org.analysisTemplates.remove(t.id)
	return deleted(), nil
}

func (org *Organization) analysisTemplate(id string) (*doc, *failure) {
	if t, found := org.analysisTemplates.get(id); found {
		return t, nil
	}
	return nil, notFound("Analysis template")
}
