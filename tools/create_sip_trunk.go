package tools

import (
	"net/http"

	"github.com/voicedock/voicedock-mcp/client/catalog"
)

const createSIPTrunkDoc = `Create a SIP trunk: a connection to the user's own PBX or carrier, used to ` +
	`transfer calls (assign it to a number with update_number's transfer_trunk_id) and for outbound ` +
	`dialing. name, provider and address are required; the user's PBX or carrier gives the address, ` +
	`transport and credentials. auth_password is stored encrypted and never returned by any tool, but ` +
	`it passes through this conversation. Trunks cannot be edited afterwards: to change one, create a ` +
	`new one and delete the old. Creating one costs nothing.`

var createSIPTrunk = operation{
	name: "create_sip_trunk", title: "Create a SIP trunk", toolset: SIPTrunksSet,
	doc: createSIPTrunkDoc, effect: Write,
	method: http.MethodPost, path: "/sip-trunks",
	params: []param{
		str("name", "Display name for the trunk, e.g. Office PBX.").req(),
		str("provider", "Name of the PBX or carrier behind the trunk, e.g. generic, or the carrier's "+
			"name, as the user says.").req(),
		str("address", "SIP server host name or IP address the platform connects to, from the user's "+
			"PBX or carrier, e.g. sip.example.org.").req().
			matching(`^[A-Za-z0-9.:\[\]-]+$`, "a host name or IP address, optionally with :port"),
		str("transport", "SIP transport, as the PBX or carrier requires.").
			oneOf(catalog.SIPTransports...).byDefault(catalog.SIPTransports[0]),
		str("auth_username", "SIP username, when the PBX or carrier requires authentication."),
		str("auth_password", "SIP password, from the user. Stored encrypted and never returned; it "+
			"passes through this conversation."),
	},
	shape:  oneSIPTrunk,
	output: objectOutput("trunk", sipTrunkOut...),
}
