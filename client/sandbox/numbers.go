package sandbox

import "time"

// number is a registered phone number.
type number struct {
	id, phone, name        string
	agentID, trunkID, wfID string // "" when detached
	source                 string
	active                 bool
	created, updated       time.Time
}

// view renders the number with the names of what it references, under
// both agent_id and assistant_id.
func (org *Organization) viewNumber(n *number) map[string]any {
	var agentName, business, trunkName, wfName string
	if a, found := org.assistants.get(n.agentID); found {
		agentName, business = a.str("name"), a.str("business_name")
	}
	if t, found := org.trunks.get(n.trunkID); found {
		trunkName = t.name
	}
	if w, found := org.workflows.get(n.wfID); found {
		wfName = w.str("name")
	}
	return map[string]any{
		"id": n.id, "phone_number": n.phone, "name": orNil(n.name),
		"agent_id": orNil(n.agentID), "assistant_id": orNil(n.agentID), "agent_name": orNil(agentName),
		"business_name": orNil(business), "transfer_trunk_id": orNil(n.trunkID), "transfer_trunk_name": orNil(trunkName),
		"workflow_id": orNil(n.wfID), "workflow_name": orNil(wfName), "source": orNil(n.source),
		"is_active": n.active, "created_at": stamp(n.created), "updated_at": stamp(n.updated),
	}
}

func (s *Server) listNumbers(c *req) (answer, *failure) {
	return ok(wrap("numbers", views(c.org.numbers.all(), c.org.viewNumber))), nil
}

func (s *Server) getNumber(c *req) (answer, *failure) {
	n, fail := c.org.number(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	return ok(wrap("number", c.org.viewNumber(n))), nil
}

// createNumber registers a number; phone_number may come as number and
// agent_id as assistant_id.
func (s *Server) createNumber(c *req) (answer, *failure) {
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	n := &number{id: s.ids.uuid(), active: true, source: "api", created: c.now, updated: c.now}
	n.phone = b.pattern(b.alias("phone_number", "number"), true, e164, e164Text)
	n.name = b.str("name", false)
	if err := c.org.readNumberLinks(b, n); err != nil {
		return answer{}, err
	}
	for _, org := range s.orgs {
		for _, other := range org.numbers.all() {
			if other.phone == n.phone {
				return answer{}, conflict("Phone number %s is already registered", n.phone)
			}
		}
	}
	c.org.numbers.add(n.id, n)
	return created(wrap("number", c.org.viewNumber(n))), nil
}

// patchNumber reassigns the number; null detaches.
func (s *Server) patchNumber(c *req) (answer, *failure) {
	n, fail := c.org.number(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	if b.has("name") {
		n.name = b.str("name", false)
	}
	if err := c.org.readNumberLinks(b, n); err != nil {
		return answer{}, err
	}
	n.updated = c.now
	return ok(wrap("number", c.org.viewNumber(n))), nil
}

// readNumberLinks applies the assistant, trunk, workflow and is_active
// fields of b to n, each of which must exist in the organization. n is
// unchanged on failure.
func (org *Organization) readNumberLinks(b *obj, n *number) *failure {
	agentKey := b.alias("agent_id", "assistant_id")
	agent, trunk, wf := b.str(agentKey, false), b.str("transfer_trunk_id", false), b.str("workflow_id", false)
	active, hasActive := b.boolean("is_active")
	if err := b.err(); err != nil {
		return err
	}
	if _, found := org.assistants.get(agent); agent != "" && !found {
		return notFound("Assistant")
	}
	if _, found := org.trunks.get(trunk); trunk != "" && !found {
		return notFound("SIP trunk")
	}
	if _, found := org.workflows.get(wf); wf != "" && !found {
		return notFound("Workflow")
	}
	if b.has(agentKey) {
		n.agentID = agent
	}
	if b.has("transfer_trunk_id") {
		n.trunkID = trunk
	}
	if b.has("workflow_id") {
		n.wfID = wf
	}
	if hasActive {
		n.active = active
	}
	return nil
}

func (s *Server) deleteNumber(c *req) (answer, *failure) {
	n, fail := c.org.number(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	c.org.numbers.remove(n.id)
	return deleted(), nil
}

func (org *Organization) number(id string) (*number, *failure) {
	if n, found := org.numbers.get(id); found {
		return n, nil
	}
	return nil, notFound("Phone number")
}
