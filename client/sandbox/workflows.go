package sandbox

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"

	"github.com/voicedock/voicedock-mcp/client/catalog"
)

// Workflows: conversation graphs checked on write against the rules of
// reference section 8.16; problems come back as details[], one string each.

func viewWorkflowSummary(w *doc) map[string]any {
	def := asMap(w.fields["definition"])
	nodes, _ := def["nodes"].([]any)
	edges, _ := def["edges"].([]any)
	return map[string]any{"id": w.id, "name": w.fields["name"], "is_active": w.fields["is_active"],
		"entry_node": def["entry_node"], "node_count": len(nodes), "edge_count": len(edges),
		"created_at": stamp(w.created), "updated_at": stamp(w.updated)}
}

func (s *Server) listWorkflows(c *req) (answer, *failure) {
	return ok(wrap("workflows", views(c.org.workflows.all(), viewWorkflowSummary))), nil
}

func (s *Server) getWorkflow(c *req) (answer, *failure) {
	w, fail := c.org.workflow(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	return ok(wrap("workflow", w.view())), nil
}

func (s *Server) createWorkflow(c *req) (answer, *failure) {
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	fields, err := readWorkflow(b, true)
	if err != nil {
		return answer{}, err
	}
	if !b.has("is_active") {
		fields["is_active"] = true
	}
	w := newDoc(s.ids.uuid(), fields, c.now)
	c.org.workflows.add(w.id, w)
	return created(wrap("workflow", w.view())), nil
}

// patchWorkflow changes the fields given; a definition replaces the whole
// graph.
func (s *Server) patchWorkflow(c *req) (answer, *failure) {
	w, fail := c.org.workflow(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	fields, err := readWorkflow(b, false)
	if err != nil {
		return answer{}, err
	}
	w.patch(fields, c.now)
	return ok(wrap("workflow", w.view())), nil
}

func readWorkflow(b *obj, create bool) (map[string]any, *failure) {
	if create || b.has("name") {
		b.str("name", true)
	}
	b.boolean("is_active")
	var def *obj
	if create || b.has("definition") {
		def = b.object("definition", true)
	}
	if err := b.err(); err != nil {
		return nil, err
	}
	if def != nil {
		if problems, code := workflowProblems(def.m); len(problems) > 0 {
			return nil, &failure{status: http.StatusBadRequest, code: code, param: "definition",
				message: "Invalid workflow definition", details: problems}
		}
	}
	return pick(b, "name", "is_active", "definition"), nil
}

var nodeID = regexp.MustCompile(`^[a-z][a-z0-9_]{0,40}$`)

// workflowProblems lists every rule the definition breaks, and the error
// code to answer with.
func workflowProblems(def map[string]any) (problems []string, code string) {
	code = "invalid_request"
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if v, _ := def["version"].(float64); v != 1 {
		add("version must be 1")
	}
	types := map[string]string{} // node id → type
	var order []string           // node ids as listed
	nodes, _ := def["nodes"].([]any)
	if len(nodes) == 0 {
		add("nodes must list at least one node")
	}
	for i, raw := range nodes {
		n := asMap(raw)
		id, _ := n["id"].(string)
		typ, _ := n["type"].(string)
		where := fmt.Sprintf("nodes[%d]", i)
		switch {
		case !nodeID.MatchString(id):
			add("%s.id %q must match ^[a-z][a-z0-9_]*$ and be at most 41 characters", where, id)
		case types[id] != "":
			add("%s.id %q is used by another node", where, id)
		}
		if types[id] == "" {
			types[id] = typ
			order = append(order, id)
		}
		switch typ {
		case "conversation":
			if s, _ := n["instructions"].(string); s == "" {
				add("%s.instructions is required on a conversation node", where)
			}
			if global, _ := n["global"].(bool); global {
				if s, _ := n["global_description"].(string); s == "" {
					add("%s.global_description is required when global is true", where)
				}
			}
			if p, _ := asMap(n["llm_config"])["provider"].(string); catalog.IsRealtime(p) {
				add("%s.llm_config.provider %q: realtime_provider_not_allowed_per_node", where, p)
				code = "realtime_provider_not_allowed_per_node"
			}
			if n["voice"] != nil && n["tts_config"] != nil {
				add("%s: voice and tts_config are mutually exclusive", where)
			}
		case "tool":
			if s, _ := n["tool_name"].(string); s == "" {
				add("%s.tool_name is required on a tool node", where)
			}
		case "transfer":
			if s, _ := n["destination"].(string); !e164.MatchString(s) {
				add("%s.destination must be %s", where, e164Text)
			}
		case "end":
		default:
			add("%s.type must be one of conversation, tool, transfer, end, got %q", where, typ)
		}
	}
	if entry, _ := def["entry_node"].(string); types[entry] != "conversation" {
		add("entry_node %q must name a conversation node", entry)
	}
	edgeProblems(def, order, types, add)
	return problems, code
}

// edgeProblems checks the edges of a definition against its nodes.
func edgeProblems(def map[string]any, order []string, types map[string]string, add func(string, ...any)) {
	edges, _ := def["edges"].([]any)
	seen := map[[2]string]bool{}
	outgoing := map[string]int{}
	for i, raw := range edges {
		e := asMap(raw)
		from, _ := e["from"].(string)
		to, _ := e["to"].(string)
		where := fmt.Sprintf("edges[%d]", i)
		if types[from] == "" {
			add("%s.from %q names no node", where, from)
		}
		if types[to] == "" {
			add("%s.to %q names no node", where, to)
		}
		if from == to {
			add("%s: a node may not lead to itself (%q)", where, from)
		}
		if seen[[2]string{from, to}] {
			add("%s: duplicate edge from %q to %q", where, from, to)
		}
		seen[[2]string{from, to}] = true
		outgoing[from]++
		if t := types[from]; t != "" && !slices.Contains([]string{"conversation", "tool"}, t) {
			add("%s: %s nodes have no outgoing edges", where, t)
		}
		if d, _ := e["description"].(string); d == "" && types[from] != "tool" {
			add("%s.description is required", where)
		}
	}
	for _, id := range order {
		if types[id] == "tool" && outgoing[id] != 1 {
			add("tool node %q must have exactly one outgoing edge, has %d", id, outgoing[id])
		}
	}
}

// deleteWorkflow refuses while numbers still use the workflow.
func (s *Server) deleteWorkflow(c *req) (answer, *failure) {
	w, fail := c.org.workflow(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	for _, n := range c.org.numbers.all() {
		if n.wfID == w.id {
			return answer{}, conflict("Workflow %q is still used by number %s; detach it first with PATCH /numbers/%s and workflow_id null",
				w.str("name"), n.phone, n.id)
		}
	}
	c.org.workflows.remove(w.id)
	return deleted(), nil
}

func (org *Organization) workflow(id string) (*doc, *failure) {
	if w, found := org.workflows.get(id); found {
		return w, nil
	}
	return nil, notFound("Workflow")
}
