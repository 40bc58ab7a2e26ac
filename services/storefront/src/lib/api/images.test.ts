import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { imageSource } from "../images";
import { isImageKey } from "./images";

describe("product image paths", () => {
  it("passes only plain keys through to the gateway", () => {
    assert.equal(isImageKey("7a6cd830a8e8bf3d.webp"), true);
    assert.equal(isImageKey("p/7a6c.webp"), true);
    for (const bad of ["../secret", "a/../../b", "a//b", "a?b", "%2e%2e/x", ""])
      assert.equal(isImageKey(bad), false, bad);
  });

  it("optimises our relative image URLs and leaves others alone", () => {
    assert.deepEqual(imageSource("/images/a.webp"), { src: "/images/a.webp", unoptimized: false });
    assert.deepEqual(imageSource("http://gateway:8000/images/a.webp"), {
      src: "/images/a.webp",
      unoptimized: false,
    });
    assert.deepEqual(imageSource("https://cdn.example.com/a.webp"), {
      src: "https://cdn.example.com/a.webp",
      unoptimized: true,
    });
    assert.equal(imageSource(null).src, "/placeholder-product.svg");
    assert.equal(imageSource("javascript:alert(1)").src, "/placeholder-product.svg");
  });
});
