package tools

import "net/http"

const deleteNumberDoc = `Remove a phone number from the platform: it stops answering calls here and ` +
	`its assignments are lost; the number itself stays the user's at their carrier. This cannot be ` +
	`undone, only registered again with register_number: check it with get_number first. number_id ` +
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
