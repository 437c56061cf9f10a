print("consortium")
