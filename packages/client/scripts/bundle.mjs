console.log("bundle: pending");
