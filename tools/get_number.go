package tools

import "net/http"

const getNumberDoc = `Get one registered phone number: number, name, whether active, the assistant ` +
	`that answers it (agent_id and assistant_id are the same ID), its transfer trunk and workflow, with ` +
	`their names. number_id comes from list_numbers.`

var getNumber = operation{
	name: "get_number", title: "Get a phone number", toolset: NumbersSet,
	doc: getNumberDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/numbers/{id}",
	params:   []param{numberID},
	shape:    oneNumber,
	output:   objectOutput("number", numberOut...),
	listedBy: "list_numbers",
}
