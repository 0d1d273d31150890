package sandbox

import (
	"net/http"
	"time"
)

// Demo keys, one per authentication outcome. They are made up and only
// mean something to the sandbox.
const (
	// KeyPrefix starts every demo key.
	KeyPrefix = "fl_test_sandbox_"

	// DemoKey belongs to the demo organization and may do everything.
	DemoKey = "fl_test_sandbox_demo"
	// OtherKey belongs to a second organization, for scoping checks.
	OtherKey = "fl_test_sandbox_other"
	// ExpiredKey is rejected with 401 api_key_expired.
	ExpiredKey = "fl_test_sandbox_expired"
	// RevokedKey is rejected with 401 api_key_revoked.
	RevokedKey = "fl_test_sandbox_revoked"
	// ForbiddenKey is valid but answered 403 on every route.
	ForbiddenKey = "fl_test_sandbox_forbidden"
)

// Organization is one simulated organization and everything it owns.
type Organization struct {
	ID                   string
	Name                 string
	Email                string
	MinutesBalance       float64
	MonthlyUsageMinutes  float64
	ActiveNumbers        int
	ActiveAgents         int
	ActiveCalls          int
	HasLocalModelsAccess bool
	ParentOrgID          string
	CreatedAt            time.Time
	children             []*Organization
}

// keyState is what a key is allowed to do.
type keyState int

const (
	keyValid keyState = iota
	keyExpired
	keyRevoked
	keyForbidden
)

type keyRecord struct {
	org   *Organization
	state keyState
}

func (s *Server) seed() {
	created := time.Date(2026, 1, 12, 9, 30, 0, 0, time.UTC)
	demo := &Organization{
		ID: "7c0e6f1e-3b9a-4c47-9a51-2f1d8e4b6a10", Name: "Acme Dental Group", Email: "ops@acme-dental.example",
		MinutesBalance: 1234.5, MonthlyUsageMinutes: 318.25, ActiveNumbers: 3, ActiveAgents: 4,
		ActiveCalls: 1, HasLocalModelsAccess: true, CreatedAt: created,
	}
	child := &Organization{
		ID: "b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d", Name: "Zahnarztpraxis Müller", ParentOrgID: demo.ID,
		MinutesBalance: 0, CreatedAt: created.Add(48 * time.Hour),
	}
	demo.children = []*Organization{child}
	other := &Organization{
		ID: "e8d7c6b5-a4f3-4e2d-9c1b-0a9f8e7d6c5b", Name: "Björk & Søn Logistik", Email: "it@bjork-son.example",
		MinutesBalance: 42, MonthlyUsageMinutes: 7, ActiveNumbers: 1, ActiveAgents: 1, CreatedAt: created,
	}

	s.orgs = map[string]*Organization{demo.ID: demo, child.ID: child, other.ID: other}
	s.keys = map[string]keyRecord{
		DemoKey:      {org: demo, state: keyValid},
		OtherKey:     {org: other, state: keyValid},
		ExpiredKey:   {org: demo, state: keyExpired},
		RevokedKey:   {org: demo, state: keyRevoked},
		ForbiddenKey: {org: demo, state: keyForbidden},
	}
}

// authenticate resolves a Bearer key to its organization, or the documented
// 401 or 403 failure.
func (s *Server) authenticate(key string) (*Organization, *failure) {
	s.mu.Lock()
	rec, known := s.keys[key]
	s.mu.Unlock()
	switch {
	case !known:
		return nil, &failure{http.StatusUnauthorized, "unauthorized", "Invalid or missing API key", ""}
	case rec.state == keyExpired:
		return nil, &failure{http.StatusUnauthorized, "api_key_expired", "API key has expired", ""}
	case rec.state == keyRevoked:
		return nil, &failure{http.StatusUnauthorized, "api_key_revoked", "API key has been revoked", ""}
	case rec.state == keyForbidden:
		return nil, &failure{http.StatusForbidden, "forbidden", "You don't have access to this resource", ""}
	}
	return rec.org, nil
}

// view renders the organization object of GET /organizations.
func (o *Organization) view(withChildren bool) map[string]any {
	body := map[string]any{
		"id": o.ID, "name": o.Name, "minutes_balance": o.MinutesBalance,
		"monthly_usage_minutes": o.MonthlyUsageMinutes, "active_numbers": o.ActiveNumbers,
		"active_agents": o.ActiveAgents, "active_calls": o.ActiveCalls,
		"has_local_models_access": o.HasLocalModelsAccess, "parent_org_id": nil,
	}
	if o.ParentOrgID != "" {
		body["parent_org_id"] = o.ParentOrgID
	}
	if withChildren {
		children := make([]map[string]any, 0, len(o.children))
		for _, c := range o.children {
			children = append(children, map[string]any{
				"id": c.ID, "name": c.Name, "created_at": c.CreatedAt.Format(time.RFC3339),
			})
		}
		body["children"] = children
	}
	return body
}
