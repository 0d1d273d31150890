package tools

import "net/http"

const deleteSIPTrunkDoc = `Delete a SIP trunk for good, with its stored credentials. Numbers that use ` +
	`it as transfer_trunk_id can no longer transfer calls through it: list_numbers shows which do. This ` +
	`cannot be undone; re-creating it needs the password again. Check the name with get_sip_trunk ` +
	`first. sip_trunk_id comes from list_sip_trunks.`

var deleteSIPTrunk = operation{
	name: "delete_sip_trunk", title: "Delete a SIP trunk", toolset: SIPTrunksSet,
	doc: deleteSIPTrunkDoc, effect: Destructive, idempotent: true,
	method: http.MethodDelete, path: "/sip-trunks/{id}",
	params:   []param{sipTrunkID},
	shape:    deleted("sip_trunk_id"),
	output:   deletedOutput,
	listedBy: "list_sip_trunks",
}
