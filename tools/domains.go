package tools

import "errors"

// domainOperations are the domains toolset: the organization's one custom
// e-mail sending domain, through Resend (reference section 8.14). The
// paths carry no ID: an organization has at most one domain.
var domainOperations = []operation{
	getEmailDomain, addEmailDomain, verifyEmailDomain, refreshEmailDomain, listResendDomains,
	selectResendDomain, deleteEmailDomain,
}

// domainOut are the fields of a domain a result schema names. records are
// the DNS records the user must add.
var domainOut = []field{
	{"id", "string"}, {"domain_name", "string"}, {"status", "string"}, {"records", "array"},
	{"region", "string"}, {"resend_domain_id", "string"}, {"verified_at", "string"},
}

// domainOutput is the output schema of the domain shapes: the domain when
// there is one, whether it is verified, and a message.
var domainOutput = func() map[string]any {
	s := actionOutput(field{"configured", "boolean"}, field{"verified", "boolean"}, field{"message", "string"})
	domain := fieldsSchema(domainOut)
	domain["properties"].(map[string]any)["records"] = map[string]any{
		"type": "array", "description": "DNS records to add at the domain's DNS provider.",
		"items": fieldsSchema([]field{{"record", "string"}, {"type", "string"}, {"name", "string"},
			{"value", "string"}, {"priority", "integer"}, {"ttl", ""}, {"status", "string"}}),
	}
	s["properties"].(map[string]any)["domain"] = domain
	s["required"] = []string{"configured"}
	return s
}()

// domainResult shapes an answer about the organization's domain into
// {configured, domain?, verified?, message?}. It takes the newest SDK's
// {domain: {...}|null} and SDK 1.0's unwrapped {id, domain: "<name>",
// verified}.
func domainResult(body any, _ map[string]any) (any, error) {
	m, ok := body.(map[string]any)
	if !ok {
		return nil, errors.New("the answer is not an object")
	}
	out := map[string]any{}
	if msg, ok := m["message"].(string); ok && msg != "" {
		out["message"] = msg
	}
	d, found := objectUnder(body, "domain")
	if !found {
		if v, ok := m["verified"].(bool); ok { // SDK 1.0's verify answer
			out["configured"], out["verified"] = true, v
			return out, nil
		}
		if v, present := m["domain"]; !present || v != nil {
			return nil, errors.New("the answer has no domain object")
		}
		out["configured"] = false
		out["message"] = "The organization has no e-mail sending domain. Add one with add_email_domain, " +
			"or pick one of a connected Resend account with list_resend_domains and select_resend_domain."
		return out, nil
	}
	d = prune(d).(map[string]any)
	if name, ok := d["domain"].(string); ok && d["domain_name"] == nil { // SDK 1.0
		d["domain_name"] = name
		delete(d, "domain")
	}
	out["configured"] = true
	if status, ok := d["status"].(string); ok {
		out["verified"] = status == "verified"
	} else if v, ok := d["verified"].(bool); ok {
		out["verified"] = v
	}
	out["domain"] = d
	return fitValue(out), nil
}
