// Spec fixtures shared by the loader tests and the loader fuzz test.

// A small valid cmdlet spec; test cases change one line of it (line numbers
// in comments are 1-based).
export const VALID = [
  "verb: Get", // 1
  "noun: Thing", // 2
  "operation: GetUserAttributeVerificationCode", // 3
  "auth: anonymous", // 4
  "synopsis: Gets a thing.", // 5
  "description: Gets a thing.", // 6
  "parameters:", // 7
  "  - name: AccessToken", // 8
  "    type: string", // 9
  "    mandatory: true", // 10
  "    pipeline: [byPropertyName]", // 11
  "    sensitive: true", // 12
  "    help: The token.", // 13
  "  - name: AttributeName", // 14
  "    type: string", // 15
  "    help: The attribute.", // 16
  "select: CodeDeliveryDetails", // 17
  "output:", // 18
  "  type: Response", // 19
  "  shapes:", // 20
  "    Response:", // 21
  "      CodeDeliveryDetails: Details", // 22
  "    Details:", // 23
  "      Destination: string", // 24
];
