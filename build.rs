//! Windows only: embeds the icon (assets/scamcheck.ico, the window icon of src/app/icon.rs at
//! 16–256 px) and the version information in scamcheck.exe. Other targets need nothing.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/scamcheck.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut res = winresource::WindowsResource::new();
    res.set_icon("assets/scamcheck.ico")
        .set("ProductName", "scamcheck")
        .set("FileDescription", "scamcheck")
        .set("Comments", "Is this customer-service call a scam?")
        .set("LegalCopyright", "scamcheck developers, MIT OR Apache-2.0")
        .set("OriginalFilename", "scamcheck.exe")
        .set("InternalName", "scamcheck");
    // Only the app itself: examples and test programs have no icon of their own.
    if let Err(err) = res.compile_for("scamcheck") {
        // Without the resource compiler (mingw's windres, or llvm-rc) the exe would build without
        // its icon; stop instead, saying what is missing.
        println!("cargo:warning=cannot embed the icon and version information: {err}");
        std::process::exit(1);
    }
}
