package tools

// accountOperations: being written.
var accountOperations = []operation{}
