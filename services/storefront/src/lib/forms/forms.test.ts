import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { registerSchema, profileSchema, passwordSchema } from "./auth";
import { CHECKOUT_FIELDS, checkoutSchemaFor, expiryValid, luhnValid } from "./checkout";
import { productSchema } from "./product";
import { serverFieldErrors, validate } from "./validate";

describe("registration form", () => {
  it("asks for a valid email, 8+ character password and a matching confirmation", () => {
    const result = validate(registerSchema, {
      name: "민지",
      email: "not-an-email",
      password: "short",
      passwordConfirm: "other",
    });
    assert.ok(result.errors);
    assert.deepEqual(Object.keys(result.errors).sort(), ["email", "password", "passwordConfirm"]);
    assert.ok(
      validate(registerSchema, {
        name: "민지",
        email: "minji@example.com",
        password: "correct-horse",
        passwordConfirm: "correct-horse",
      }).data,
    );
  });
});

describe("profile form", () => {
  const base = { name: "민지", phone: "", recipient: "", postalCode: "", line1: "", line2: "" };
  it("allows no address at all", () => {
    assert.ok(validate(profileSchema, base).data);
  });
  it("requires the whole address once part of it is given", () => {
    const result = validate(profileSchema, { ...base, line2: "3층" });
    assert.deepEqual(Object.keys(result.errors ?? {}).sort(), ["line1", "postalCode", "recipient"]);
  });
});

describe("password form", () => {
  it("rejects a new password equal to the current one", () => {
    const result = validate(passwordSchema, {
      currentPassword: "same-password",
      newPassword: "same-password",
      newPasswordConfirm: "same-password",
    });
    assert.ok(result.errors?.newPassword);
  });
});

describe("checkout form", () => {
  const valid = {
    email: "",
    recipient: "김민지",
    phone: "010-1234-5678",
    postalCode: "04524",
    line1: "서울 중구 세종대로 110",
    line2: "",
    shippingMethod: "standard",
    cardNumber: "4242 4242 4242 4242",
    expiry: "12/39",
    cvc: "123",
  };

  it("accepts the test cards and checks the card number's checksum", () => {
    assert.equal(luhnValid("4242424242424242"), true);
    assert.equal(luhnValid("4000000000000002"), true);
    assert.equal(luhnValid("4242424242424241"), false);
    const data = validate(checkoutSchemaFor(false), valid).data;
    assert.equal(data?.cardNumber, "4242424242424242");
  });

  it("needs an email from guests only", () => {
    assert.ok(validate(checkoutSchemaFor(true), valid).errors?.email);
    assert.ok(validate(checkoutSchemaFor(true), { ...valid, email: "guest@example.com" }).data);
  });

  it("refuses an expired card", () => {
    assert.equal(expiryValid("01/20", new Date("2026-11-25T00:00:00Z")), false);
    assert.equal(expiryValid("11/26", new Date("2026-11-25T00:00:00Z")), true);
    assert.equal(expiryValid("13/30"), false);
  });

  it("puts the order service's field errors under the matching inputs", () => {
    const errors = serverFieldErrors(
      [
        { field: "shippingAddress.phone", message: "must be a phone number" },
        { field: "payment.cardNumber", message: "is not a valid card number" },
        { field: "somethingElse", message: "odd" },
      ],
      CHECKOUT_FIELDS,
    );
    assert.deepEqual(errors, {
      phone: "must be a phone number",
      cardNumber: "is not a valid card number",
      form: "odd",
    });
  });
});

describe("admin product form", () => {
  const base = {
    name: "새 상품",
    brand: "Moa",
    categoryId: "c1",
    description: "",
    price: "29000",
    originalPrice: "",
    stock: "5",
    isNew: false,
    isFeatured: true,
  };
  it("turns prices and stock into numbers", () => {
    const data = validate(productSchema, base).data;
    assert.equal(data?.price, 29000);
    assert.equal(data?.stock, 5);
  });
  it("refuses an original price below the price", () => {
    assert.ok(validate(productSchema, { ...base, originalPrice: "1000" }).errors?.originalPrice);
  });
});
