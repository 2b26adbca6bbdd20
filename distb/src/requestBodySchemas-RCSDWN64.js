import {
  requestBodySchemas,
  text
} from "./chunk-Y46ZRZEK.js";
import "./chunk-PZI5AQ6E.js";
export {
  requestBodySchemas,
  text
};
