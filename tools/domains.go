package tools

// domainOperations: being written.
var domainOperations = []operation{}
