// The print button of the printable ticket form (a file, not an inline handler: the CSP allows no inline script).
document.getElementById("print").addEventListener("click", function () { window.print(); });
