package sandbox

import (
	"time"

	"github.com/voicedock/voicedock-mcp/client/catalog"
)

// trunk is a SIP trunk in the newest SDK's schema. The password is
// write-only: checked, never stored or shown.
type trunk struct {
	id, name, provider, address, transport, username string
	created                                          time.Time
}

func (org *Organization) viewTrunk(t *trunk) map[string]any {
	return map[string]any{
		"id": t.id, "org_id": org.ID, "name": t.name, "provider": t.provider, "address": t.address,
		"transport": t.transport, "auth_username": orNil(t.username), "is_active": true,
		"created_at": stamp(t.created), "updated_at": stamp(t.created),
	}
}

func (s *Server) listTrunks(c *req) (answer, *failure) {
	return ok(wrap("trunks", views(c.org.trunks.all(), c.org.viewTrunk))), nil
}

func (s *Server) getTrunk(c *req) (answer, *failure) {
	t, fail := c.org.trunk(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	return ok(wrap("trunk", c.org.viewTrunk(t))), nil
}

// createTrunk accepts the guide's host, username and password for
// address, auth_username and auth_password.
func (s *Server) createTrunk(c *req) (answer, *failure) {
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	t := &trunk{id: s.ids.uuid(), created: c.now}
	t.name = b.str("name", true)
	t.provider = b.str("provider", true)
	t.address = b.str(b.alias("address", "host"), true)
	t.transport = b.enum("transport", false, catalog.SIPTransports)
	t.username = b.str(b.alias("auth_username", "username"), false)
	b.str(b.alias("auth_password", "password"), false)
	b.integer("port", false, 1, 65535)
	if err := b.err(); err != nil {
		return answer{}, err
	}
	if t.transport == "" {
		t.transport = catalog.SIPTransports[0]
	}
	c.org.trunks.add(t.id, t)
	return created(wrap("trunk", c.org.viewTrunk(t))), nil
}

// deleteTrunk removes the trunk and detaches it from numbers.
func (s *Server) deleteTrunk(c *req) (answer, *failure) {
	t, fail := c.org.trunk(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	c.org.trunks.remove(t.id)
	for _, n := range c.org.numbers.all() {
		if n.trunkID == t.id {
			n.trunkID = ""
		}
	}
	return deleted(), nil
}

func (org *Organization) trunk(id string) (*trunk, *failure) {
	if t, found := org.trunks.get(id); found {
		return t, nil
	}
	return nil, notFound("SIP trunk")
}
