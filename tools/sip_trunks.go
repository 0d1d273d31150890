package tools

// sipTrunkOperations are the sip_trunks toolset: connections to the user's
// own PBX or carrier, used for call transfers and outbound dialing
// (reference section 8.8, newest SDK schema). The API has no update.
var sipTrunkOperations = []operation{
	listSIPTrunks, getSIPTrunk, createSIPTrunk, deleteSIPTrunk,
}

// sipTrunkID is the path argument naming one SIP trunk.
var sipTrunkID = str("sip_trunk_id", "SIP trunk ID (a UUID), as list_sip_trunks shows.").as("id").inPath()

// sipTrunkOut are the fields of a SIP trunk a result schema names.
var sipTrunkOut = []field{
	{"id", "string"}, {"name", "string"}, {"provider", "string"}, {"address", "string"},
	{"transport", "string"}, {"auth_username", "string"}, {"is_active", "boolean"},
}

// sipTrunkView renames the configuration guide's fields (host, username)
// to the newest SDK's (address, auth_username), so that every documented
// answer reads the same. A password never comes back, but is dropped in
// case one does.
func sipTrunkView(t map[string]any) any {
	out := make(map[string]any, len(t))
	for k, v := range t {
		out[k] = v
	}
	for guide, sdk := range map[string]string{"host": "address", "username": "auth_username"} {
		if v, ok := out[guide]; ok {
			if out[sdk] == nil {
				out[sdk] = v
			}
			delete(out, guide)
		}
	}
	return without(out, "password", "auth_password")
}

// oneSIPTrunk shapes an answer carrying one trunk into {trunk: ...}.
func oneSIPTrunk(body any, args map[string]any) (any, error) {
	out, err := one("trunk", "sip_trunk")(body, args)
	if err != nil {
		return nil, err
	}
	m := out.(map[string]any)
	m["trunk"] = prune(sipTrunkView(m["trunk"].(map[string]any)))
	return m, nil
}
