/** Every runtime parser of the protocol, named as the type it parses (`schemas.ThreadItem`). */
export * from "./protocol/index.js";
export * from "./widgets/schemas.js";
