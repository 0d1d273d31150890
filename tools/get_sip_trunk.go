package tools

import "net/http"

const getSIPTrunkDoc = `Get one SIP trunk: name, provider, SIP address, transport, auth username and ` +
	`whether active. The password is stored encrypted and never shown. sip_trunk_id comes from ` +
	`list_sip_trunks.`

var getSIPTrunk = operation{
	name: "get_sip_trunk", title: "Get a SIP trunk", toolset: SIPTrunksSet,
	doc: getSIPTrunkDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/sip-trunks/{id}",
	params:   []param{sipTrunkID},
	shape:    oneSIPTrunk,
	output:   objectOutput("trunk", sipTrunkOut...),
	listedBy: "list_sip_trunks",
}
