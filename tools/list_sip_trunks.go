package tools

import "net/http"

const listSIPTrunksDoc = `List the organization's SIP trunks (connections to its own PBX or carrier, ` +
	`used for call transfers and outbound dialing): ID, name, provider, SIP address, transport and auth ` +
	`username. Passwords are never shown. Use it to find a sip_trunk_id for get_sip_trunk or ` +
	`delete_sip_trunk, or a transfer_trunk_id for register_number and update_number. Returns one page ` +
	`(default 20); pass next_offset as offset for more.`

var listSIPTrunks = operation{
	name: "list_sip_trunks", title: "List SIP trunks", toolset: SIPTrunksSet,
	doc: listSIPTrunksDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/sip-trunks",
	params: pageParams(inTool, 20, 1000),
	shape:  many("trunks", sipTrunkView, "sip_trunks"),
	output: listOutput("trunks", sipTrunkOut...),
}
