package tools

import "net/http"

const listNumbersDoc = `List the phone numbers registered with the platform: ID, number, name, ` +
	`whether active, the assistant that answers it (agent_id and assistant_id are the same ID), its ` +
	`transfer trunk and workflow. Use it to find a number_id, or the numbers an assistant answers. ` +
	`Returns one page (default 20); pass next_offset as offset for more.`

var listNumbers = operation{
	name: "list_numbers", title: "List phone numbers", toolset: NumbersSet,
	doc: listNumbersDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/numbers",
	params: pageParams(inTool, 20, 1000),
	shape:  many("numbers", numberView, "phone_numbers"),
	output: listOutput("numbers", numberOut...),
}
