package tools

import "net/http"

const deleteNumberDoc = `Remove a phone number from the platform: it stops answering calls here at ` +
	`once and its assignments (assistant, transfer trunk, workflow) are lost. The number itself stays ` +
	`the user's at their carrier; forwarding it elsewhere is up to them. This cannot be undone, only ` +
	`registered again from scratch with register_number: check it with get_number first. number_id ` +
	`comes from list_numbers.`

var deleteNumber = operation{
	name: "delete_number", title: "Delete a phone number", toolset: NumbersSet,
	doc: deleteNumberDoc, effect: Destructive, idempotent: true,
	method: http.MethodDelete, path: "/numbers/{id}",
	params:   []param{numberID},
	shape:    deleted("number_id"),
	output:   deletedOutput,
	listedBy: "list_numbers",
}
